import { useI18n } from '../i18n/i18n'
import { LegalPage, type LegalText } from './legal-page'

const vi: LegalText = {
  title: 'Tuyên bố về khả năng tiếp cận',
  updated: 'Cập nhật tháng 11/2026.',
  lead: 'Cổng Dịch vụ công tỉnh Quảng Ninh được xây dựng để mọi người dân dùng được, kể cả người dùng điện thoại màn hình nhỏ, người chỉ dùng bàn phím, người dùng trình đọc màn hình và người nhìn kém.',
  sections: [
    {
      heading: 'Mục tiêu',
      paragraphs: [
        'Chúng tôi hướng tới mức AA của Hướng dẫn về khả năng tiếp cận nội dung web (WCAG) 2.1 của W3C cho mọi trang dành cho người dân: trang chủ, trang thủ tục, tờ khai, giấy tiếp nhận, tra cứu hồ sơ, hồ sơ của tôi, đăng nhập và trang thống kê.',
      ],
    },
    {
      heading: 'Chúng tôi kiểm tra những gì',
      list: [
        'Mỗi thay đổi của cổng được kiểm tra tự động bằng trình duyệt Chromium trên màn hình 360 × 740 điểm ảnh (cỡ điện thoại phổ biến): không có thanh cuộn ngang, các nút đủ lớn để chạm.',
        'Công cụ axe-core kiểm tra từng trạng thái của trang (có lỗi, không lỗi, đã gửi) và không được có vi phạm nào.',
        'Dùng được toàn bộ bằng bàn phím: có đường tắt bỏ qua đến nội dung chính, vòng sáng cho biết đang ở đâu, sau mỗi bước tờ khai tiêu điểm chuyển đến tiêu đề của bước.',
        'Thông báo lỗi nói rõ trường nào sai và cần sửa thế nào, hiện ngay bên cạnh trường đó và trong bảng tóm tắt ở đầu trang.',
        'Nội dung bằng tiếng Việt là chính; bản tiếng Anh đánh dấu rõ phần nào chỉ có tiếng Việt.',
      ],
    },
    {
      heading: 'Những hạn chế đã biết',
      list: [
        'Tệp kết quả và tài liệu do cơ quan cung cấp (bản quét PDF) có thể không đọc được bằng trình đọc màn hình.',
        'Biểu đồ trong trang thống kê có bảng số liệu đi kèm; một số chú thích trên biểu đồ chỉ hiện bằng màu và chữ nhỏ.',
        'Chúng tôi chưa kiểm tra với người dùng khuyết tật thực tế và với trình đọc màn hình trên điện thoại (TalkBack, VoiceOver); việc kiểm tra tự động không phát hiện được mọi vấn đề.',
      ],
    },
    {
      heading: 'Báo cho chúng tôi khi gặp khó khăn',
      paragraphs: [
        'Nếu bạn không dùng được một phần của cổng, hãy báo cho Bộ phận Một cửa của đơn vị đang giải quyết hồ sơ (thông tin liên hệ có trên trang thủ tục và trang tra cứu hồ sơ), nói rõ trang nào, bạn dùng thiết bị và công cụ hỗ trợ gì. Trong lúc chờ khắc phục, bạn vẫn có thể nộp hồ sơ trực tiếp tại Bộ phận Một cửa hoặc qua bưu chính công ích.',
        'Phần mềm của cổng là mã nguồn mở (motcua): lỗi về khả năng tiếp cận cũng có thể được báo trực tiếp cho nhóm phát triển.',
      ],
    },
  ],
}

const en: LegalText = {
  title: 'Accessibility statement',
  updated: 'Updated November 2026.',
  lead: 'The Quảng Ninh public service portal is built so that everyone can use it, including people on small phone screens, keyboard-only users, screen reader users and people with low vision.',
  sections: [
    {
      heading: 'Our aim',
      paragraphs: [
        "We aim for level AA of the W3C's Web Content Accessibility Guidelines (WCAG) 2.1 on every page for citizens: home, procedure, form, receipt, tracking, my dossiers, sign-in and statistics.",
      ],
    },
    {
      heading: 'What we test',
      list: [
        'Every change is tested automatically in Chromium on a 360 × 740 screen (a common phone size): no sideways scrolling, controls large enough to tap.',
        'axe-core checks every state of a page (with errors, without, after sending) and must find no violations.',
        'Everything works with a keyboard: a skip link to the main content, a visible focus ring, and after each form step the focus moves to the step heading.',
        'Error messages say which field is wrong and how to fix it, beside the field and in a summary at the top.',
        'Vietnamese is the main language; the English version marks clearly what is available in Vietnamese only.',
      ],
    },
    {
      heading: 'Known limits',
      list: [
        'Result files and documents supplied by the offices (scanned PDFs) may not be readable by screen readers.',
        'Charts on the statistics pages come with a data table; some chart labels rely on colour and small text.',
        'We have not yet tested with disabled users or with phone screen readers (TalkBack, VoiceOver); automated tests cannot find every problem.',
      ],
    },
    {
      heading: 'Tell us about a problem',
      paragraphs: [
        'If you cannot use part of the portal, tell the one-stop desk (Bộ phận Một cửa) of the office handling your dossier (its contact is on the procedure and tracking pages): which page, and which device and assistive tools you use. Meanwhile you can still file at the one-stop desk in person or by public post.',
        'The portal runs on open-source software (motcua): accessibility bugs can also be reported to its developers.',
      ],
    },
  ],
}

/** `/tro-giup/tiep-can`: what we test for accessibility, what is known not to work, and how to report a problem. */
export default function AccessibilityPage() {
  const { t } = useI18n()
  return <LegalPage text={{ vi, en }} other={{ to: '/chinh-sach-rieng-tu', label: t('nav.privacy') }} />
}
