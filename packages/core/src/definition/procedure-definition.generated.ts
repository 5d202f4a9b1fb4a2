/* eslint-disable */
/**
 * GENERATED — do not edit; run `npm run generate:types`.
 * Source: packages/core/src/definition/meta-schema.json (json-schema-to-typescript).
 */

/**
 * citizen = công dân, business = doanh nghiệp, organisation = tổ chức.
 */
export type ApplicantType = 'citizen' | 'business' | 'organisation'
/**
 * How the result reaches the applicant: counter (tại Bộ phận Một cửa), post (qua dịch vụ bưu chính công ích), online (bản điện tử tải về qua tra cứu).
 */
export type DeliveryMethod = 'counter' | 'post' | 'online'
/**
 * Text with placeholders {{form.x}}, {{result.x}}, {{dossier.receiptCode}}, {{dossier.receivedAt}}, {{dossier.doneAt}}, {{document.date}}, {{unit.name}}, {{unit.code}}, {{unit.place}} (địa danh), {{unit.parentName}}; a date may be written {{path | long}} (ngày 05 tháng 3 năm 2026). Never HTML.
 */
export type TemplateText = string
/**
 * An http(s) address.
 */
export type Url = string
/**
 * A calendar date, YYYY-MM-DD.
 */
export type IsoDate = string
/**
 * Total processing time (thời hạn giải quyết), counted from receipt of a complete dossier.
 */
export type ProcessingTime = WorkingDaysTime | WorkingHoursTime | SameDayTime | CalendarDaysTime | NoTime
/**
 * The legal wording of the time limit, as published.
 */
export type LegalText = string
/**
 * A stable machine key: lower-case ASCII letters, digits and underscores, starting with a letter (Vietnamese without diacritics, e.g. tiep_nhan).
 */
export type Key = string
/**
 * A JSON Logic rule (https://jsonlogic.com) over { form, case }: an operation object or a boolean literal. Only allow-listed operators; `var` paths must exist in the form schema.
 */
export type JsonLogicRule =
  | {
      [k: string]: unknown | undefined
    }
  | boolean
/**
 * receiving_officer (cán bộ một cửa), specialist (chuyên viên), leader (lãnh đạo), unit_admin, province_admin, citizen.
 */
export type Role = string
/**
 * A step's own time budget inside the total: working days (1 day = 8 working hours) or working hours, fractions allowed (0.5 days); or whole calendar days where the law says "ngày".
 */
export type StepBudget = WorkingDaysBudget | WorkingHoursBudget | CalendarDaysBudget
/**
 * Another unit a definition names: "receiving" = the unit where the dossier was received; {"up": level} = the nearest unit of that level above the dossier's resolving unit (a commune's district); {"code": code} = a fixed unit (a department, the tax office). Where a UnitRef is optional, absent = the dossier's resolving unit.
 */
export type UnitRef =
  | 'receiving'
  | {
      up: string
    }
  | {
      code: string
    }
/**
 * receiving_officer (cán bộ một cửa), specialist (chuyên viên), leader (lãnh đạo), unit_admin, province_admin, citizen.
 */
export type Role1 = string
/**
 * A step's own time budget inside the total: working days (1 day = 8 working hours) or working hours, fractions allowed (0.5 days); or whole calendar days where the law says "ngày".
 */
export type StepBudget1 = WorkingDaysBudget | WorkingHoursBudget | CalendarDaysBudget
/**
 * A stable machine key: lower-case ASCII letters, digits and underscores, starting with a letter (Vietnamese without diacritics, e.g. tiep_nhan).
 */
export type Key1 = string
/**
 * receive (tiếp nhận), forward (chuyển), sendBack (trả lại), approve (phê duyệt), refuse (từ chối tiếp nhận), requestSupplement (yêu cầu bổ sung), requestPayment (yêu cầu nộp phí), confirmPayment (xác nhận đã nộp), extend (xin lỗi, hẹn lại), stop (dừng xử lý), return (trả kết quả), withdraw (rút hồ sơ).
 */
export type ActionType =
  | 'receive'
  | 'forward'
  | 'sendBack'
  | 'approve'
  | 'refuse'
  | 'requestSupplement'
  | 'requestPayment'
  | 'confirmPayment'
  | 'extend'
  | 'stop'
  | 'return'
  | 'withdraw'
/**
 * An input the officer must give when taking the action.
 */
export type ActionInput = 'reason' | 'note' | 'missingItems' | 'newDueAt' | 'attachments' | 'deliveryMethod' | 'amount'

/**
 * One version of an administrative procedure (thủ tục hành chính, TTHC) as data: identity, form, dossier components, fees, cases, steps and processing time. See FORMAT.md.
 */
export interface ProcedureDefinition {
  /**
   * Optional pointer to this meta-schema, for editors.
   */
  $schema?: string
  /**
   * Version of this definition format. Always 1.
   */
  schemaVersion: 1
  /**
   * National procedure code (mã TTHC in the Cơ sở dữ liệu quốc gia về TTHC, e.g. 1.001193) or a local code.
   */
  code: string
  /**
   * Procedure name in Vietnamese, as published (tên thủ tục).
   */
  name: string
  /**
   * Procedure name in English, the second locale.
   */
  nameEn?: string
  /**
   * The government tier that handles it (cấp thực hiện): a unit-level code such as province, district, commune. Levels are data, not a fixed list.
   */
  level: string
  /**
   * Field of the procedure (lĩnh vực), e.g. Hộ tịch.
   */
  field: string
  /**
   * Implementing agency as text (cơ quan thực hiện), e.g. Ủy ban nhân dân cấp xã.
   */
  agency: string
  /**
   * Unit codes that offer the procedure; absent means every unit of `level` (within the owner unit, for a unit's own procedure); an empty list means none (withdrawn).
   */
  units?: string[]
  /**
   * Who may apply (đối tượng thực hiện).
   */
  applicants?: ApplicantType[]
  /**
   * Plain text shown to the applicant before starting.
   */
  description?: string
  /**
   * Requirements and conditions (yêu cầu, điều kiện thực hiện), one per item.
   */
  conditions?: string[]
  /**
   * What the applicant receives (kết quả thực hiện), e.g. Giấy khai sinh.
   */
  result?: string
  resultDelivery?: ResultDelivery
  resultData?: ResultData
  resultDocument?: ResultDocument
  /**
   * Legal basis (căn cứ pháp lý).
   */
  legalBasis: LegalDocument[]
  source?: DefinitionSource
  effective: EffectivePeriod
  onlineMode: OnlineMode
  processingTime: ProcessingTime
  form: ProcedureForm
  /**
   * Dossier components (thành phần hồ sơ): the attachments.
   */
  components: DossierComponent[]
  /**
   * Fees and charges (phí, lệ phí); empty when the procedure is free.
   */
  fees: Fee[]
  /**
   * Variants (trường hợp) chosen by a rule over the form data; the first match wins. Each may override the processing time and the steps.
   */
  cases?: ProcedureCase[]
  /**
   * Workflow steps (quy trình nội bộ). The first step is the start.
   *
   * @minItems 1
   */
  steps: Step[]
  /**
   * Plugins the procedure uses, by slug, with their configuration.
   */
  plugins?: PluginUse[]
  /**
   * Named amounts rules read as { "var": "const.<key>" }, e.g. a fee set by the provincial People's Council (HĐND tỉnh); administrators may override a value without a new version.
   */
  constants?: {
    [k: string]: NamedConstant | undefined
  }
  reception?: Reception
}
/**
 * The ways the result may be delivered (hình thức nhận kết quả); the applicant chooses one at submission. `postalFee` is required when `post` is allowed: the fee line added when the applicant chooses post.
 */
export interface ResultDelivery {
  /**
   * @minItems 1
   */
  methods: DeliveryMethod[]
  postalFee?: PostalFee
}
/**
 * The fee for returning the result by post (cước dịch vụ bưu chính), a fixed amount in VND added as a fee line when the applicant chooses post.
 */
export interface PostalFee {
  /**
   * The fee line's name; default "Cước phí chuyển phát kết quả qua bưu chính".
   */
  name?: string
  amount: number
  note?: string
}
/**
 * What the officer enters when the result is ready (số, ngày cấp of the paper issued): a JSON Schema (draft-07, ajv strict, motcua's formats) with an optional @rjsf UI schema. The result document's `{{result.*}}` placeholders read it.
 */
export interface ResultData {
  schema: FormSchema
  uiSchema?: {}
}
/**
 * JSON Schema draft-07 of the form data. The root is an object; formats: date, email, cccd, cmnd, vn-mobile, vn-phone, vn-tax-code, vnd.
 */
export interface FormSchema {
  type: 'object'
  properties: {
    [k: string]:
      | {
          [k: string]: unknown | undefined
        }
      | undefined
  }
  [k: string]: unknown | undefined
}
/**
 * The result document generated from the dossier's data (printable HTML and PDF): the issuing agency's lines at the top left, the national motto at the top right (added by motcua), the number and the place and date, the title, paragraphs and label/value rows, the signer's block.
 */
export interface ResultDocument {
  /**
   * The official form's code printed at the top right, e.g. Mẫu số … ban hành kèm theo Thông tư ….
   */
  formCode?: string
  /**
   * The issuing agency's lines (top left), e.g. ["ỦY BAN NHÂN DÂN", "{{unit.name}}"].
   */
  issuer?: TemplateText[]
  number?: TemplateText
  placeDate?: TemplateText
  title: TemplateText
  subtitle?: TemplateText
  /**
   * @minItems 1
   */
  blocks: ResultDocumentBlock[]
  signer?: ResultDocumentSigner
}
/**
 * A paragraph (`text`, `numbered` to number it 1., 2., …) or, with `label`, a label/value row.
 */
export interface ResultDocumentBlock {
  label?: string
  text: TemplateText
  numbered?: boolean
}
/**
 * The signer's block at the bottom right: the title lines (e.g. TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH), a note in italics (ký, ghi rõ họ tên, đóng dấu) and the name.
 */
export interface ResultDocumentSigner {
  /**
   * @minItems 1
   */
  title: TemplateText[]
  note?: string
  name?: TemplateText
}
/**
 * A legal document the procedure rests on (văn bản quy phạm pháp luật).
 */
export interface LegalDocument {
  /**
   * Title and number, e.g. Luật Hộ tịch số 60/2014/QH13.
   */
  title: string
  url?: Url
  note?: string
}
/**
 * Where the data of this definition came from, so a person can verify it.
 */
export interface DefinitionSource {
  note: string
  url?: Url
  urls?: Url[]
  retrieved?: IsoDate
}
/**
 * When this version takes new dossiers (hiệu lực), both days included, Vietnam time; `to` absent or null means open-ended.
 */
export interface EffectivePeriod {
  from: IsoDate
  to?: IsoDate | null
}
/**
 * Online service mode (Decree 42/2022): full = toàn trình, partial = một phần, none = not online; legacyLevel = mức độ 1–4 of Decree 43/2011.
 */
export interface OnlineMode {
  mode: 'full' | 'partial' | 'none'
  legacyLevel?: number
}
/**
 * N working days (ngày làm việc): Saturdays, Sundays and public holidays do not count.
 */
export interface WorkingDaysTime {
  kind: 'workingDays'
  days: number
  text?: LegalText
}
/**
 * N working hours (giờ làm việc) inside office hours.
 */
export interface WorkingHoursTime {
  kind: 'workingHours'
  hours: number
  text?: LegalText
}
/**
 * Same day (trong ngày); received after `cutoff` (HH:mm, e.g. 15:00), the next working day.
 */
export interface SameDayTime {
  kind: 'sameDay'
  cutoff: string
  text?: LegalText
}
/**
 * N calendar days (ngày), weekends and holidays included.
 */
export interface CalendarDaysTime {
  kind: 'calendarDays'
  days: number
  text?: LegalText
}
/**
 * No fixed processing time (không quy định thời hạn).
 */
export interface NoTime {
  kind: 'none'
  text?: LegalText
}
/**
 * The application form (tờ khai): a JSON Schema (draft-07, must compile under ajv strict mode) and an @rjsf UI schema.
 */
export interface ProcedureForm {
  schema: FormSchema
  /**
   * @rjsf UI schema (ui:order, ui:widget, ui:help, …).
   */
  uiSchema?: {
    [k: string]: unknown | undefined
  }
}
/**
 * One dossier component (thành phần hồ sơ): an attachment the applicant provides.
 */
export interface DossierComponent {
  key: Key
  name: string
  /**
   * Whether it must be attached (when `when` holds, if given).
   */
  required: boolean
  /**
   * Number of originals (số bản chính).
   */
  originals?: number
  /**
   * Number of copies (số bản sao).
   */
  copies?: number
  /**
   * Accepted media types.
   */
  accept?: string[]
  maxSizeMB?: number
  template?: ComponentTemplate
  when?: JsonLogicRule
  note?: string
}
/**
 * A blank form to download (mẫu đơn, tờ khai).
 */
export interface ComponentTemplate {
  name: string
  url?: Url
  /**
   * The form's official code, e.g. Mẫu 01/TP.
   */
  code?: string
}
/**
 * A fee or charge (phí, lệ phí) in VND: exactly one of a fixed `amount` or a JSON Logic `rule` computing it from the form data.
 */
export interface Fee {
  key: Key
  name: string
  /**
   * Fixed amount in VND.
   */
  amount?: number
  rule?: JsonLogicRule
  note?: string
}
/**
 * A variant of the procedure (trường hợp), chosen when `when` holds over the form data, or by an officer (an action with `setsCase`); it may override the processing time and replace the whole step list.
 */
export interface ProcedureCase {
  key: Key
  name: string
  /**
   * The case's name in English, the second locale (shown when an officer's choice moves the due date).
   */
  nameEn?: string
  when?: JsonLogicRule
  processingTime?: ProcessingTime
  /**
   * @minItems 1
   */
  steps?: Step[]
  note?: string
}
/**
 * One workflow step: who acts, the public status (trạng thái, national code 1–10) while the dossier is here, its time budget and the actions that leave it.
 */
export interface Step {
  key: Key
  name: string
  role: Role
  status: number
  budget?: StepBudget
  unit?: UnitRef
  description?: string
  consult?: Consultation
  actions: StepAction[]
}
export interface WorkingDaysBudget {
  kind: 'workingDays'
  days: number
}
export interface WorkingHoursBudget {
  kind: 'workingHours'
  hours: number
}
/**
 * N calendar days (ngày), where the law says "ngày" rather than working days: the step ends at the close of the Nth day after it starts, or of the next working day if that day is closed.
 */
export interface CalendarDaysBudget {
  kind: 'calendarDays'
  days: number
}
/**
 * Lấy ý kiến: entering the step asks every unit in `units` for its opinion at once, each due after `budget` by its own calendar; the dossier moves on to `then` by itself once `quorum` units have answered, or once every unanswered request is past its deadline.
 */
export interface Consultation {
  /**
   * The units asked, each once.
   *
   * @minItems 1
   * @maxItems 30
   */
  units: UnitRef[]
  role?: Role1
  budget: StepBudget1
  /**
   * How many answers let the dossier move on before the deadlines: "all" (default) or a number.
   */
  quorum?: 'all' | number
  then: Key1
}
/**
 * An action that leaves a step (to another step or a terminal outcome $returned, $refused, $withdrawn, $stopped) or, without `to`, keeps the dossier at its step.
 */
export interface StepAction {
  key: Key
  type: ActionType
  label: string
  labelEn?: string
  /**
   * A step key or a terminal outcome.
   */
  to?: string
  requires?: ActionInput[]
  /**
   * Narrows who may take the action; by default the step's role.
   *
   * @minItems 1
   */
  roles?: Role[]
  guard?: JsonLogicRule
  /**
   * requestPayment only: the clock stops while the applicant is asked to pay (status 6) and the due date moves by the working time it was stopped, as after a supplement request. For procedures whose processing time leaves out the time taken to fulfil financial obligations.
   */
  pausesClock?: boolean
  /**
   * return only: the delivery methods this action records (e.g. one action for the counter, one for post); each must be allowed by `resultDelivery`. By default every allowed method.
   *
   * @minItems 1
   */
  deliveryMethods?: DeliveryMethod[]
  input?: DecisionInput
  /**
   * @rjsf UI schema for the officer's input form (ui:order, ui:widget, ui:help, …).
   */
  inputUi?: {
    [k: string]: unknown | undefined
  }
  /**
   * Targets chosen by rules over the officer's decisions and the dossier: the first route whose `when` holds gives the target, otherwise `to`.
   *
   * @minItems 1
   */
  routes?: ActionRoute[]
  /**
   * The action may be taken on many dossiers at once (ký duyệt hàng loạt): only an action that needs nothing per dossier (no `requires`, no required `input` field, no `setsCase`; not refuse, stop, requestSupplement, requestPayment, extend, return, withdraw or receive).
   */
  bulk?: boolean
  /**
   * The officer chooses the dossier's case: the input's `case` field (its values are case keys) switches the case and the due date is recomputed from reception with the new case's processing time.
   */
  setsCase?: boolean
  callOut?: CallOut
}
/**
 * What the officer enters with an action (quyết định của cán bộ): a small JSON Schema of an object whose fields are strings, numbers, integers or booleans; stored on the dossier under the action's key and read by rules as decision.<action key>.<field>.
 */
export interface DecisionInput {
  type: 'object'
  title?: string
  description?: string
  properties: {
    [k: string]: DecisionField | undefined
  }
  required?: Key[]
  additionalProperties?: false
}
/**
 * One field of an officer's input: a string (optionally a date or one of an enum), a number, an integer or a boolean.
 */
export interface DecisionField {
  type: 'string' | 'number' | 'integer' | 'boolean'
  title?: string
  description?: string
  /**
   * @minItems 1
   */
  enum?: (string | number | boolean)[]
  format?: 'date'
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  default?: string | number | boolean
}
/**
 * One conditional target of an action: when the rule holds, the dossier goes to `to`.
 */
export interface ActionRoute {
  when: JsonLogicRule
  /**
   * A step key or a terminal outcome.
   */
  to: string
}
/**
 * Taking the action also calls out to a plugin: the runtime queues a message `action.<action>` for it in the same transaction as the change, delivered through the outbox with the plugin's retries. The plugin must be listed in the procedure's `plugins` and declare the action; a unit where it is not enabled cannot take the action.
 */
export interface CallOut {
  /**
   * The plugin's slug.
   */
  plugin: string
  /**
   * The key of one of the plugin's `actions`.
   */
  action: string
}
/**
 * A plugin the procedure uses, named by slug, with its configuration (validated by the plugin's own schema).
 */
export interface PluginUse {
  slug: string
  /**
   * Settings for this procedure's dossiers, laid over each unit's own configuration of the plugin (never secrets).
   */
  config?: {
    [k: string]: unknown | undefined
  }
  /**
   * The procedure needs the plugin: a unit where it is not enabled does not offer the procedure.
   */
  required?: boolean
  prefill?: Prefill
}
/**
 * Pre-fill from one of the plugin's lookups (an outside register, by căn cước number, with the citizen's consent): the lookup's key and, for each form field to fill (a JSON pointer into the form data), the lookup's return field.
 */
export interface Prefill {
  lookup: string
  fields: {
    [k: string]: string | undefined
  }
}
/**
 * A named amount in VND a rule reads as const.<key> (shown to citizens beside the fees): its name, its value and where the value comes from (e.g. the HĐND tỉnh resolution).
 */
export interface NamedConstant {
  name: string
  value: number
  note?: string
}
/**
 * Where dossiers are received (nơi tiếp nhận) when it is not the resolving unit: `unit` is the default receiving unit (the provincial Public Administration Service Centre for a department); `anyUnit` lets any centre of the listed levels or units receive it regardless of administrative boundary (Nghị định 118/2025/NĐ-CP), from a date.
 */
export interface Reception {
  unit?: UnitRef
  anyUnit?: AnyUnitReception
}
/**
 * Reception regardless of administrative boundary (tiếp nhận không phụ thuộc địa giới hành chính): a unit of one of `levels`, or one of `units`, may receive the dossier and hand it to the resolving unit the applicant chose; from `from` (e.g. 2025-07-01, Nghị định 118/2025/NĐ-CP) on.
 */
export interface AnyUnitReception {
  /**
   * Unit-level codes whose units receive, e.g. commune.
   */
  levels?: string[]
  /**
   * Further receiving units, e.g. {"code": "TTPVHCC"}.
   */
  units?: UnitRef[]
  from?: IsoDate
}
