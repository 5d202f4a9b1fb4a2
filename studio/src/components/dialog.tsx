export { ConfirmDialog, Modal } from '@motcua/web-kit'
