import { ApiError, type Issue } from '@motcua/web-kit'

/**
 * The API's problems about one field of a request (by the JSON path of its body), to show beside that field.
 * @example issuesAt(error, '/username') // [{ code: 'pattern', path: '/username', message: {…} }]
 */
export const issuesAt = (error: unknown, path: string): Issue[] =>
  error instanceof ApiError ? error.issues.filter((i) => i.path === path || i.path.startsWith(`${path}/`)) : []

/** Whether an error has problems at paths the form shows beside their fields (else show it on top). */
export const placedIssues = (error: unknown, paths: string[]): boolean =>
  paths.some((path) => issuesAt(error, path).length > 0)
