import { type FormEvent, useState } from 'react'

/** The sign-in form's labels, in the app's language. */
export interface SignInTexts {
  username: string
  password: string
  showPassword: string
  submit: string
}

/**
 * Username and password (with "show password"), sent to `onSubmit`; the button stays disabled while it runs.
 * Errors are the caller's to show.
 * @example <SignInForm texts={...} onSubmit={(u, p) => login(u, p).then(goOn)} />
 */
export function SignInForm({
  texts,
  onSubmit,
}: {
  texts: SignInTexts
  onSubmit: (username: string, password: string) => Promise<void>
}) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [show, setShow] = useState(false)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await onSubmit(username.trim(), password)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="stack sign-in-form">
      <label className="field">
        <span className="label">{texts.username}</span>
        <input
          className="input"
          name="username"
          value={username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="label">{texts.password}</span>
        <input
          className="input"
          name="password"
          type={show ? 'text' : 'password'}
          value={password}
          autoComplete="current-password"
          required
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> {texts.showPassword}
      </label>
      <button type="submit" className="button" disabled={busy}>
        {texts.submit}
      </button>
    </form>
  )
}
