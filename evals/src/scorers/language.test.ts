import { describe, expect, it } from 'vitest';
import { checkReplyLanguage, scriptOfText } from './language.js';

describe('checkReplyLanguage', () => {
  it('judges a Hindi reply by its script, names and references in Latin notwithstanding', () => {
    const reply = 'आपका आवेदन जमा हो गया है। संदर्भ संख्या BC-2026-000001 है। बच्चे का नाम: Aarav';
    expect(checkReplyLanguage(reply, 'hi')).toEqual({
      pass: true,
      script: 'devanagari',
      lang: 'hi',
      message: 'reply in hi',
    });
    expect(checkReplyLanguage('Your application is submitted.', 'hi').pass).toBe(false);
  });

  it('accepts a Hinglish reply to a Hinglish message and rejects English or Devanagari', () => {
    expect(
      checkReplyLanguage(
        'Bachche ka naam kya hai? Agar abhi naam nahi rakha hai to button dabaiye.',
        'hinglish',
      ),
    ).toMatchObject({
      pass: true,
      script: 'latin',
      lang: 'hinglish',
    });
    expect(
      checkReplyLanguage(
        'What is the name of the child? Tap the button if there is no name yet.',
        'hinglish',
      ),
    ).toMatchObject({
      pass: false,
      lang: 'en',
    });
    expect(checkReplyLanguage('बच्चे का नाम क्या है?', 'hinglish')).toMatchObject({
      pass: false,
      script: 'devanagari',
    });
  });

  it('accepts English for English and rejects Hinglish', () => {
    expect(checkReplyLanguage('Which district is the hospital in?', 'en').pass).toBe(true);
    expect(checkReplyLanguage('Aapka zila kaun sa hai? Kripya bataiye.', 'en').pass).toBe(false);
  });

  it('ignores references and links when deciding the script', () => {
    expect(scriptOfText('BC-2026-000001 upi://pay?pa=x@upi है')).toBe('devanagari');
    expect(scriptOfText('१२३ 456')).toBe('none');
  });
});
