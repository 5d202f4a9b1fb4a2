// A source not yet confirmed carries an editor's mark such as "(verify)" in the data; it never reaches citizens.
const MARKS = /\s*\((?:verify|cần xác minh|kiểm tra lại)[^)]*\)/giu

/**
 * A source as citizens may read it: without editors' marks such as "(verify)".
 * @example withoutEditingMarks('Thông báo 5935/TB-BNV (verify)') // 'Thông báo 5935/TB-BNV'
 */
export const withoutEditingMarks = (text: string): string => text.replace(MARKS, '').trim()
