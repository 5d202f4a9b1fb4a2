import { useI18n } from '../i18n/i18n'
import { LegalPage, type LegalText } from './legal-page'

const vi: LegalText = {
  title: 'Chính sách bảo vệ dữ liệu cá nhân',
  updated: 'Cập nhật tháng 11/2026.',
  lead: 'Trang này cho biết cổng thu thập dữ liệu cá nhân nào khi bạn nộp và theo dõi hồ sơ, để làm gì, ai xử lý, giữ trong bao lâu và bạn có những quyền gì.',
  sections: [
    {
      heading: 'Dữ liệu chúng tôi thu thập',
      list: [
        'Thông tin người nộp hồ sơ: họ tên, số định danh cá nhân (căn cước), và số điện thoại, thư điện tử, địa chỉ nếu bạn khai.',
        'Nội dung tờ khai và các tệp giấy tờ bạn đính kèm, như thủ tục yêu cầu.',
        'Mã hồ sơ và mã tra cứu (PIN) in trên giấy tiếp nhận; hệ thống chỉ lưu bản băm của PIN.',
        'Nếu bạn đăng nhập: tên đăng nhập, họ tên, và bản lưu tạm tờ khai của bạn.',
        'Đánh giá mức độ hài lòng và ý kiến bạn gửi sau khi hồ sơ kết thúc.',
        'Địa chỉ mạng (IP) của yêu cầu, chỉ dùng để hạn chế việc dò mã PIN và gửi hồ sơ hàng loạt; nhật ký hệ thống không ghi họ tên, số giấy tờ, số điện thoại hay mã PIN.',
      ],
    },
    {
      heading: 'Vì sao và trên cơ sở pháp lý nào',
      paragraphs: [
        'Dữ liệu được xử lý để tiếp nhận, giải quyết và trả kết quả thủ tục hành chính bạn yêu cầu, theo cơ chế một cửa, một cửa liên thông (Nghị định 61/2018/NĐ-CP, sửa đổi bởi Nghị định 107/2021/NĐ-CP) và việc thực hiện thủ tục hành chính trên môi trường điện tử (Nghị định 45/2020/NĐ-CP).',
        'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân (hiệu lực từ 01/7/2023) cho phép cơ quan nhà nước xử lý dữ liệu cá nhân không cần sự đồng ý của chủ thể trong các trường hợp luật định, trong đó có việc phục vụ hoạt động của cơ quan nhà nước theo quy định của pháp luật (Điều 17). Dữ liệu chỉ dùng cho mục đích giải quyết hồ sơ của bạn và báo cáo thống kê không nêu danh tính.',
      ],
    },
    {
      heading: 'Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư',
      paragraphs: [
        'Ở một số tờ khai, bạn có thể chọn điền sẵn thông tin từ Cơ sở dữ liệu quốc gia về dân cư. Việc này chỉ thực hiện khi bạn đã đăng nhập, tự đánh dấu đồng ý và nhập số căn cước của mình; thông tin được điền vào tờ khai để bạn kiểm tra, sửa trước khi nộp. Bạn luôn có thể bỏ qua và tự điền.',
      ],
    },
    {
      heading: 'Ai xử lý dữ liệu',
      list: [
        'Cơ quan, đơn vị tiếp nhận và giải quyết hồ sơ của bạn (Bộ phận Một cửa, Trung tâm Phục vụ hành chính công, các sở, Ủy ban nhân dân cấp xã), và cơ quan phối hợp trong thủ tục liên thông, chỉ với phần việc của họ.',
        'Đơn vị vận hành cổng do Ủy ban nhân dân tỉnh giao, để vận hành và bảo đảm an toàn hệ thống.',
        'Khi bạn chọn nhận kết quả qua bưu chính hoặc được báo tin qua tin nhắn, thư điện tử: đơn vị bưu chính, nhà mạng nhận đúng phần thông tin cần để giao.',
        'Dữ liệu không được bán, không dùng cho quảng cáo.',
      ],
    },
    {
      heading: 'Lưu giữ trong bao lâu',
      list: [
        'Hồ sơ đã nộp là hồ sơ giải quyết thủ tục hành chính, được lưu theo thời hạn của pháp luật về lưu trữ cho từng loại hồ sơ.',
        'Bản lưu tạm tờ khai: trên máy của bạn (khi chưa đăng nhập) hoặc trong tài khoản của bạn, cho đến khi bạn nộp hoặc xoá.',
        'Phiên đăng nhập hết hạn sau 12 giờ.',
      ],
    },
    {
      heading: 'Cookie',
      paragraphs: [
        'Cổng không dùng cookie theo dõi, quảng cáo hay phân tích của bên thứ ba. Khi bạn đăng nhập, một cookie phiên cần thiết giữ bạn ở trạng thái đăng nhập; ngôn ngữ bạn chọn và bản lưu tạm tờ khai được lưu trên trình duyệt của bạn.',
      ],
    },
    {
      heading: 'Quyền của bạn',
      paragraphs: [
        'Theo Nghị định 13/2023/NĐ-CP, bạn có quyền được biết về việc xử lý dữ liệu của mình, truy cập để xem và yêu cầu chỉnh sửa, yêu cầu hạn chế xử lý hoặc xoá (trừ trường hợp pháp luật quy định khác, như hồ sơ phải lưu trữ), rút lại sự đồng ý (việc điền sẵn), khiếu nại, tố cáo và yêu cầu bồi thường khi dữ liệu bị xử lý trái pháp luật.',
        'Bạn xem được dữ liệu đã khai bằng mã hồ sơ và mã PIN tại trang Tra cứu hồ sơ. Để thực hiện các quyền khác, hãy liên hệ Bộ phận Một cửa của đơn vị đã tiếp nhận hồ sơ.',
      ],
    },
  ],
}

const en: LegalText = {
  title: 'Privacy notice',
  updated: 'Updated November 2026.',
  lead: 'This page says what personal data the portal collects when you file and track a dossier, why, who processes it, how long it is kept and what your rights are.',
  sections: [
    {
      heading: 'What we collect',
      list: [
        "The applicant's details: full name, personal identification (căn cước) number, and phone, e-mail and address where you give them.",
        'The form and the files you attach, as the procedure requires.',
        'The receipt code and the lookup PIN printed on the receipt; only a hash of the PIN is stored.',
        'If you sign in: your username, your name and your saved form drafts.',
        'The satisfaction rating and comment you send after your dossier has ended.',
        "Your network (IP) address, only to limit PIN guessing and mass submissions; the system's logs never hold names, ID numbers, phone numbers or PINs.",
      ],
    },
    {
      heading: 'Why, and on what legal basis',
      paragraphs: [
        'The data is processed to receive, handle and return the result of the administrative procedure you ask for, under the one-stop mechanism (Decree 61/2018/NĐ-CP, amended by Decree 107/2021/NĐ-CP) and electronic administrative procedures (Decree 45/2020/NĐ-CP).',
        'Decree 13/2023/NĐ-CP on personal data protection (in force since 1 July 2023) lets state agencies process personal data without consent in the cases the law provides, including to serve the work of state agencies as the law sets out (Article 17). The data is used only to handle your dossier and for statistics that identify no one.',
      ],
    },
    {
      heading: 'Pre-filling from the National Population Database',
      paragraphs: [
        'On some forms you may choose to pre-fill details from the National Population Database. This happens only when you are signed in, tick the consent box yourself and enter your own căn cước number; the details are put into the form for you to check and correct before filing. You can always skip it and fill the form yourself.',
      ],
    },
    {
      heading: 'Who processes it',
      list: [
        'The offices that receive and handle your dossier (one-stop desk, public administration service centre, departments, commune people’s committees), and the offices taking part in a joint procedure, each for its own part.',
        "The portal's operator appointed by the provincial People's Committee, to run and secure the system.",
        'When you choose postal delivery of the result or notifications by SMS or e-mail: the postal service or network operator receives just what it needs to deliver.',
        'The data is never sold and never used for advertising.',
      ],
    },
    {
      heading: 'How long it is kept',
      list: [
        'A filed dossier is an administrative record and is kept for the period archiving law sets for its kind.',
        'Form drafts: on your device (when not signed in) or in your account, until you file or delete them.',
        'A sign-in session expires after 12 hours.',
      ],
    },
    {
      heading: 'Cookies',
      paragraphs: [
        'The portal uses no tracking, advertising or third-party analytics cookies. When you sign in, one necessary session cookie keeps you signed in; your language and form drafts are kept in your browser.',
      ],
    },
    {
      heading: 'Your rights',
      paragraphs: [
        'Under Decree 13/2023/NĐ-CP you have the right to know how your data is processed, to see it and ask for corrections, to ask for its processing to be restricted or for it to be deleted (unless the law says otherwise, as for records that must be archived), to withdraw consent (the pre-fill), to complain and to claim compensation for unlawful processing.',
        'You can see what you declared with the receipt code and PIN on the Track a dossier page. For your other rights, contact the one-stop desk of the office that received your dossier.',
      ],
    },
  ],
}

/** `/chinh-sach-rieng-tu`: the privacy notice (Nghị định 13/2023/NĐ-CP). */
export default function PrivacyPage() {
  const { t } = useI18n()
  return <LegalPage text={{ vi, en }} other={{ to: '/tro-giup/tiep-can', label: t('nav.accessibility') }} />
}
