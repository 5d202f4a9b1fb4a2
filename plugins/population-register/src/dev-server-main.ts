// `npm run dev-server -w @motcua/plugin-population-register`: the local register with its fake demo people.
import { DEMO_PEOPLE, startDevRegister } from './dev-server'

const apiKey = process.env.REGISTER_API_KEY ?? 'khoa-thu-nghiem-dan-cu'
const register = await startDevRegister({ apiKey, port: Number(process.env.PORT ?? 4010) })
console.log(`Local population register (fake data) at ${register.url}`)
console.log(`Plugin settings: { "baseUrl": "${register.url}", "apiKey": "${apiKey}" }`)
console.log(`Demo căn cước numbers: ${DEMO_PEOPLE.map((p) => p.soDinhDanh).join(', ')}`)
