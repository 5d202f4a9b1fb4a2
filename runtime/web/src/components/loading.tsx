export { ErrorBox, Loading } from '@motcua/web-kit'
