import { LocaleProvider, RouterProvider, SessionProvider } from '@motcua/web-kit'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import '@motcua/web-kit/staff-app.css'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <SessionProvider>
        <RouterProvider>
          <App />
        </RouterProvider>
      </SessionProvider>
    </LocaleProvider>
  </StrictMode>,
)
