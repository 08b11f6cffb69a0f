import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/scoring/checks/ifeval/language-detect.js';
import { follows } from './helpers.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The weather is nice today and we are going to the park.'],
    ['de', 'Das Wetter ist heute schön und wir gehen in den Park.'],
    ['es', 'El tiempo es bueno hoy y vamos al parque con los amigos.'],
    ['it', 'Il tempo è bello oggi e andiamo al parco con gli amici.'],
    ['pt', 'O tempo está bom hoje e nós vamos ao parque com os amigos.'],
    ['sw', 'Hali ya hewa ni nzuri leo na tunaenda kwenye bustani pamoja na marafiki.'],
    ['fi', 'Sää on tänään kaunis ja menemme puistoon ystävien kanssa, mutta ei kauas.'],
    ['vi', 'Thời tiết hôm nay rất đẹp và chúng tôi sẽ đi đến công viên.'],
    ['ru', 'Сегодня хорошая погода, и мы идём в парк, потому что это очень приятно.'],
    ['bg', 'Днес времето е хубаво и ние ще отидем в парка, защото това е приятно.'],
    ['uk', 'Сьогодні гарна погода, і ми підемо до парку, тому що це дуже приємно.'],
    ['hi', 'आज मौसम बहुत अच्छा है और हम पार्क में जा रहे हैं।'],
    ['mr', 'आज हवामान खूप छान आहे आणि आम्ही उद्यानात जात आहोत.'],
    ['ne', 'आज मौसम धेरै राम्रो छ र हामी पार्कमा जाँदैछौं।'],
    ['ar', 'الطقس جميل اليوم ونحن ذاهبون إلى الحديقة مع الأصدقاء في المساء.'],
    ['fa', 'امروز هوا خیلی خوب است و ما به پارک می رویم.'],
    ['ur', 'آج موسم بہت اچھا ہے اور ہم پارک میں جا رہے ہیں۔'],
    ['ta', 'இன்று வானிலை நன்றாக உள்ளது.'],
    ['ko', '오늘 날씨가 좋습니다.'],
    ['th', 'วันนี้อากาศดีมาก'],
    ['ja', '今日はいい天気です。'],
    ['zh-cn', '今天天气很好。'],
  ])('%s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads English in capitals as English', () => {
    expect(detectLanguage('THE WEATHER IS NICE TODAY AND WE ARE GOING TO THE PARK.')).toBe('en');
  });

  it('ignores a few Latin words inside another script, and URLs', () => {
    expect(detectLanguage('यह एक अच्छा project है और हम इसे पूरा करेंगे।')).toBe('hi');
    expect(detectLanguage('Das ist gut und wir sind hier: https://example.com/the/and/of/the')).toBe('de');
  });

  it('leaves Latin text without function words undetermined', () => {
    expect(detectLanguage('YES')).toBe('und');
    expect(detectLanguage('PIXEL PRODIGY\nCODE CONSTRUCT')).toBe('und');
  });

  it('does not read romanised Urdu as Urdu (langdetect does not either)', () => {
    expect(detectLanguage('Maine suna hai ke tumne nayi kitab parhi hai')).not.toBe('ur');
  });

  it('returns null when there are no letters (langdetect: no features)', () => {
    expect(detectLanguage('12345 !!! ***')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('language:response_language', () => {
  it('passes in the asked language and fails in another', () => {
    expect(follows('language:response_language', { language: 'hi' }, 'आज मौसम बहुत अच्छा है और हम पार्क में जा रहे हैं।')).toBe(true);
    expect(follows('language:response_language', { language: 'hi' }, 'The weather is nice today and we are going to the park.')).toBe(false);
    expect(follows('language:response_language', { language: 'fa' }, 'الطقس جميل اليوم ونحن ذاهبون إلى الحديقة مع الأصدقاء في المساء.')).toBe(false);
  });

  it('counts a response without letters as followed, as the reference does', () => {
    expect(follows('language:response_language', { language: 'ru' }, '12345 !!!')).toBe(true);
  });

  it("rejects a language outside IFEval's list, or none", () => {
    expect(() => follows('language:response_language', { language: 'xx' }, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('language:response_language', {}, 'x')).toThrow(/invalid kwargs/);
  });
});
