import type { Issue } from '../errors'
import { deliveryMethods } from '../result/delivery'
import { dossierPlaceholders, parseTemplate, templateFilters } from '../result/template'
import { editingMark } from '../text'
import { resolveSegments } from './form-schema-paths'
import { isRecord, issue } from './issue'
import type { ProcedureDefinition } from './procedure-definition.generated'
import { compileError } from './schema-memo'
import { stepLists } from './step-lists'

/** Result delivery, result data and the result document (FORMAT.md, "Results"). */
export function checkResult(def: ProcedureDefinition): Issue[] {
  return [...checkDelivery(def), ...checkResultData(def), ...checkDocument(def)]
}

function checkDelivery(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  const delivery = def.resultDelivery
  if (delivery?.methods.includes('post') && !delivery.postalFee)
    issues.push(
      issue(
        'delivery.postalFeeMissing',
        '/resultDelivery',
        'Thủ tục cho nhận kết quả qua bưu chính nhưng chưa khai cước phí (postalFee): hãy thêm postalFee với số tiền (đồng), hoặc 0 nếu không thu',
        'Post is allowed but no postal fee is declared: add postalFee with its amount in VND (0 if none is charged)',
      ),
    )
  if (delivery?.postalFee && !delivery.methods.includes('post'))
    issues.push(
      issue(
        'delivery.postalFeeWithoutPost',
        '/resultDelivery/postalFee',
        'Có cước phí bưu chính nhưng không cho nhận kết quả qua bưu chính: thêm "post" vào methods hoặc xóa postalFee',
        'A postal fee is declared but post is not allowed: add "post" to methods or remove postalFee',
      ),
    )
  const allowed = delivery?.methods ?? deliveryMethods
  for (const list of stepLists(def))
    list.steps.forEach((step, i) =>
      step.actions.forEach((action, j) => {
        const base = `${list.path}/${i}/actions/${j}/deliveryMethods`
        if (action.deliveryMethods === undefined) return
        if (action.type !== 'return') {
          issues.push(
            issue(
              'action.deliveryMethodsNotReturn',
              base,
              `Chỉ thao tác trả kết quả (return) mới có hình thức trả kết quả: xóa deliveryMethods khỏi thao tác "${action.key}"`,
              `Only a return action has delivery methods: remove deliveryMethods from "${action.key}"`,
            ),
          )
          return
        }
        action.deliveryMethods.forEach((method, k) => {
          if (!allowed.includes(method))
            issues.push(
              issue(
                'action.deliveryMethodNotAllowed',
                `${base}/${k}`,
                `Thao tác "${action.key}" trả kết quả theo hình thức "${method}" mà thủ tục không cho phép (resultDelivery.methods): thêm hình thức đó vào resultDelivery hoặc xóa khỏi thao tác`,
                `Action "${action.key}" delivers by "${method}", which resultDelivery.methods does not allow: allow it there or remove it here`,
                { method },
              ),
            )
        })
      }),
    )
  return issues
}

function checkResultData(def: ProcedureDefinition): Issue[] {
  if (!def.resultData) return []
  const message = compileError(def.resultData.schema)
  if (message === undefined) return []
  return [
    issue(
      'resultData.schema.invalid',
      '/resultData/schema',
      `Lược đồ thông tin kết quả không hợp lệ (ajv strict): ${message}`,
      `The result data schema does not compile under ajv strict mode: ${message}`,
      { error: message },
    ),
  ]
}

/** Every template text of the document with its pointer. */
function templateTexts(def: ProcedureDefinition): [string, string][] {
  const doc = def.resultDocument
  if (!doc) return []
  const texts: [string, string][] = []
  doc.issuer?.forEach((line, i) => texts.push([line, `/resultDocument/issuer/${i}`]))
  for (const key of ['number', 'placeDate', 'title', 'subtitle'] as const) {
    const value = doc[key]
    if (value !== undefined) texts.push([value, `/resultDocument/${key}`])
  }
  doc.blocks.forEach((block, i) => texts.push([block.text, `/resultDocument/blocks/${i}/text`]))
  doc.signer?.title.forEach((line, i) => texts.push([line, `/resultDocument/signer/title/${i}`]))
  if (doc.signer?.name !== undefined) texts.push([doc.signer.name, '/resultDocument/signer/name'])
  return texts
}

/** Text of the document that takes no placeholder: row labels, the signer's note, the form code. */
function plainTexts(def: ProcedureDefinition): [string, string][] {
  const doc = def.resultDocument
  if (!doc) return []
  const texts: [string, string][] = []
  if (doc.formCode !== undefined) texts.push([doc.formCode, '/resultDocument/formCode'])
  doc.blocks.forEach((block, i) => {
    if (block.label !== undefined) texts.push([block.label, `/resultDocument/blocks/${i}/label`])
  })
  if (doc.signer?.note !== undefined) texts.push([doc.signer.note, '/resultDocument/signer/note'])
  def.resultDelivery?.postalFee?.name &&
    texts.push([def.resultDelivery.postalFee.name, '/resultDelivery/postalFee/name'])
  def.resultDelivery?.postalFee?.note &&
    texts.push([def.resultDelivery.postalFee.note, '/resultDelivery/postalFee/note'])
  return texts
}

/** The schemas of a `form.*` or `result.*` path; undefined for a path of neither. */
function schemasOf(def: ProcedureDefinition, path: string): readonly unknown[] | undefined {
  const [root, ...rest] = path.split('.')
  if (rest.length === 0) return undefined
  if (root === 'form') return resolveSegments(def.form.schema, [def.form.schema], rest)
  if (root === 'result')
    return def.resultData ? resolveSegments(def.resultData.schema, [def.resultData.schema], rest) : []
  return undefined
}

function checkPlaceholder(def: ProcedureDefinition, path: string, filter: string | undefined, at: string): Issue[] {
  const fixed = dossierPlaceholders[path]
  const schemas = fixed ? [] : schemasOf(def, path)
  if (!fixed && (schemas === undefined || schemas.length === 0)) {
    const where = path.startsWith('result.')
      ? def.resultData
        ? 'trong lược đồ thông tin kết quả (resultData.schema)'
        : 'vì thủ tục chưa khai thông tin kết quả (resultData)'
      : path.startsWith('form.')
        ? 'trong biểu mẫu (form.schema)'
        : `; dùng form.…, result.… hoặc ${Object.keys(dossierPlaceholders).join(', ')}`
    return [
      issue(
        'template.unknownPath',
        at,
        `Chỗ điền {{${path}}} không có ${where}: sửa lại đường dẫn cho đúng tên trường`,
        `Placeholder {{${path}}} does not exist: use a field of form.schema, of resultData.schema, or one of ${Object.keys(dossierPlaceholders).join(', ')}`,
        { placeholder: path },
      ),
    ]
  }
  const objectLike = schemas?.some(
    (s) => isRecord(s) && (s.type === 'object' || s.type === 'array') && s.format === undefined,
  )
  if (objectLike)
    return [
      issue(
        'template.notText',
        at,
        `Chỗ điền {{${path}}} là một nhóm trường, không in được thành chữ: chọn một trường cụ thể bên trong (ví dụ {{${path}.…}})`,
        `Placeholder {{${path}}} is an object or a list: name one field inside it`,
        { placeholder: path },
      ),
    ]
  if (filter === undefined) return []
  const isDate = fixed === 'date' || schemas?.some((s) => isRecord(s) && s.format === 'date')
  if (!(templateFilters as readonly string[]).includes(filter) || !isDate)
    return [
      issue(
        'template.badFilter',
        at,
        `Chỗ điền {{${path} | ${filter}}}: chỉ dùng "| long" cho một trường ngày (định dạng date), để viết "ngày … tháng … năm …"`,
        `Placeholder {{${path} | ${filter}}}: the only filter is "| long", for a date field`,
        { placeholder: path, filter },
      ),
    ]
  return []
}

function checkDocument(def: ProcedureDefinition): Issue[] {
  const issues: Issue[] = []
  for (const [text, at] of templateTexts(def)) {
    const parts = parseTemplate(text)
    if (!parts) {
      issues.push(
        issue(
          'template.malformed',
          at,
          'Dấu ngoặc nhọn không khớp: mỗi chỗ điền viết dạng {{form.ten_truong}} hoặc {{result.ngay_cap | long}}',
          'Unmatched braces: write each placeholder as {{form.field}} or {{result.date | long}}',
        ),
      )
      continue
    }
    for (const part of parts)
      if (typeof part !== 'string') issues.push(...checkPlaceholder(def, part.path, part.filter, at))
  }
  for (const [text, at] of [...templateTexts(def), ...plainTexts(def)]) {
    const mark = editingMark(text)
    if (mark !== undefined)
      issues.push(
        issue(
          'text.editingMark',
          at,
          `Người dân sẽ thấy dấu biên tập "${mark}" trong văn bản này: hãy xóa nó và ghi điều cần kiểm tra vào ghi chú nguồn (source.note) hoặc README.md của thủ tục`,
          `Citizens would see the editing mark "${mark}" in this text: remove it and note what to check in the source note (source.note) or the procedure's README.md`,
          { mark },
        ),
      )
  }
  return issues
}
