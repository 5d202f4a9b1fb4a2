import { describe, expect, it } from 'vitest'
import { isAccepted, otherTypes, toggleType } from './file-types'

describe('file types by name', () => {
  it('starts from the server default, adds and removes named types, keeps the others', () => {
    expect(isAccepted(undefined, 'png')).toBe(true)
    expect(toggleType(undefined, 'png', false)).toEqual(['application/pdf', 'image/jpeg'])
    const withWord = toggleType(['application/pdf', 'application/zip'], 'docx', true)
    expect(withWord).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(otherTypes(withWord)).toEqual(['application/zip'])
    expect(toggleType(withWord, 'docx', true)).toEqual(withWord)
  })
})
