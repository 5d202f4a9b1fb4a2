export { ApiError, api, csrf, type Issue, type Message, networkError, toApiError } from './api'
export { ConfirmDialog, Modal } from './dialog'
export {
  type Catalogues,
  fillMessage,
  type I18n,
  type Locale,
  LocaleProvider,
  messagePlaceholders,
  translate,
  useMessages,
} from './i18n'
export { matchPath } from './match-path'
export { postMultipart } from './post-multipart'
export { Link, type Location, navigate, RouterProvider, useLocation } from './router'
export { SessionProvider, type User, useSession } from './session'
export { SignInForm, type SignInTexts } from './sign-in-form'
export { StaffFrame, StaffHeader, type StaffHeaderTexts, StaffSignInPage, type StaffSignInTexts } from './staff-frame'
export { ErrorBox, Loading, usePageTitle } from './status'
export { useAsync } from './use-async'
