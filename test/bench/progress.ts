/** A progress bar on stderr: redrawn in place on a terminal, a line every tenth otherwise (CI logs). */
export function progressBar(total: number, unit: string, enabled = true) {
  const started = performance.now()
  const tty = process.stderr.isTTY === true
  let drawn = 0
  let tenth = 0
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
  const line = (done: number) => {
    const seconds = (performance.now() - started) / 1000
    const rate = done / Math.max(seconds, 0.001)
    const eta = done > 0 ? (total - done) / rate : 0
    const width = 30
    const filled = Math.round((width * done) / Math.max(total, 1))
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${((100 * done) / Math.max(total, 1)).toFixed(0).padStart(3)} % ${fmt(done)}/${fmt(total)} ${unit} · ${fmt(rate)}/s · ${seconds.toFixed(0)} s, ~${eta.toFixed(0)} s left`
  }
  return {
    update(done: number) {
      if (!enabled) return
      const now = performance.now()
      if (tty && now - drawn > 200) {
        drawn = now
        process.stderr.write(`\r${line(done)}`)
      } else if (!tty && done * 10 >= (tenth + 1) * total) {
        tenth = Math.floor((done * 10) / total)
        process.stderr.write(`${line(done)}\n`)
      }
    },
    finish(done: number) {
      if (enabled) process.stderr.write(tty ? `\r${line(done)}\n` : `${line(done)}\n`)
    },
  }
}
