import { describe, expect, it } from 'vitest';
import { detectLanguageRequest } from './language-request.js';

describe('detectLanguageRequest', () => {
  it.each([
    ['English please', 'en'],
    ['in english', 'en'],
    ['angrezi mein', 'en'],
    ['can you reply in English?', 'en'],
    ['english me baat kro', 'en'],
    ['अंग्रेज़ी में', 'en'],
    ['हिंदी में', 'hi'],
    ['हिन्दी में बात करें', 'hi'],
    ['hindi mein baat karo', 'hi'],
    ['Hindi', 'hi'],
    ['english nahi aati', 'hi'],
    ['hinglish', 'hinglish'],
    ['roman hindi mein likho', 'hinglish'],
    ['hindi in english letters please', 'hinglish'],
  ] as const)('%j → %s', (text, lang) => {
    expect(detectLanguageRequest(text)).toBe(lang);
  });

  it.each([
    'mujhe birth certificate chahiye',
    'meri beti ka naam hindi mein likhna hai aur mother ka naam rekha',
    'I am an english teacher at the school in lucknow city',
    'namaste',
  ])('%j asks for no language', (text) => {
    expect(detectLanguageRequest(text)).toBeNull();
  });
});
