import type { Duplex } from 'node:stream'

const malformed = JSON.stringify({
  error: {
    code: 'INVALID_DATA',
    message: {
      vi: 'Yêu cầu gửi lên bị hỏng (tiêu đề có ký tự không hợp lệ hoặc quá dài). Vui lòng thử lại.',
      en: 'Malformed request: invalid or oversized headers.',
    },
  },
})

/**
 * Answers a request Node's HTTP parser refused (a NUL or a newline in a header, headers too large) in the API's
 * error shape instead of Node's bare `400 Bad Request`; such a request never reaches the app.
 * @example server.on('clientError', answerMalformedRequest)
 */
export function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy()
    return
  }
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request']
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(malformed)}\r\nx-content-type-options: nosniff\r\n` +
      `cache-control: no-store\r\nconnection: close\r\n\r\n${malformed}`,
  )
}
