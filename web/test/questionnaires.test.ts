// web/test/questionnaires.test.ts: unit tests (Vitest) for the questionnaire front end's pure
// logic (issue 3): turning typed answers into API answers with plain-English problems, and
// decoding the questionnaire list, scores and due list from the API's JSON.
import { describe, expect, test } from 'vitest';
import { decodeDue, decodePersonQuestionnaires, decodeScores, dueStatusLabel, scoreLabel, type FormItem } from '../src/api/questionnaires';
import { toAnswers } from '../src/pages/person/QuestionnaireForm';

const code = (id: string): FormItem => ({
  id, topic: `topic ${id}`, type: 'code', options: [1, 2, 3].map((c) => ({ code: c, label: `l${c}`, wording: null })),
  min: 1, max: 3, maxLength: null, wording: null,
});
const vas: FormItem = { id: 'vas', topic: 'health today', type: 'integer', options: [], min: 0, max: 100, maxLength: null, wording: null };

describe('toAnswers', () => {
  test('leaves out unanswered items and turns codes into numbers', () => {
    expect(toAnswers([code('a'), code('b'), vas], { a: '2', b: '', vas: ' 70 ' })).toEqual({ answers: { a: 2, vas: 70 } });
  });
  test('names the question when a number is out of range or not whole', () => {
    const out = toAnswers([code('a'), vas], { vas: '101' });
    expect('problem' in out && out.problem).toMatch(/^Question 2 \(health today\).*0 to 100/);
    const frac = toAnswers([vas], { vas: '7.5' });
    expect('problem' in frac && frac.problem).toMatch(/whole number/);
  });
});

describe('decoders', () => {
  test('scores keep numbers and text, list the missing ones, and carry provisional', () => {
    const s = decodeScores({ provisional: true, scores: { raw: 24, metric: 21.54, style: 'secure' },
      missing: [{ score: 'index', reason: 'table not loaded' }] });
    expect(s?.values.map((v) => v.name)).toEqual(['raw', 'metric', 'style']);
    expect(s?.missing).toEqual([{ name: 'index', reason: 'table not loaded' }]);
    expect(s?.provisional).toBe(true);
    expect(decodeScores(null)).toBeNull();
  });
  test('a person\'s waves and the due list', () => {
    const p = decodePersonQuestionnaires({ person_id: 1, today: '2026-11-22', access: 'write', mode: 'self',
      waves: [{ wave: 'baseline', label: 'Baseline', opens: '2026-11-01', closes: '2026-11-29', status: 'partial',
        instruments: [{ instrument: 'swemwbs', title: 'SWEMWBS', status: 'complete', response_status: 'complete', version: 2,
          scores: { scores: { raw: 24 }, missing: [] } }] }] });
    expect(p.mode).toBe('self');
    expect(p.waves[0]?.instruments[0]?.scores?.values[0]).toEqual({ name: 'raw', value: 24 });
    const due = decodeDue({ items: [{ person_id: 3, display_name: 'Sam', wave: 'month_6', status: 'overdue',
      instruments: [{ instrument: 'swemwbs', status: 'overdue' }] }] });
    expect(due[0]?.personId).toBe('3');
    expect(due[0]?.instruments[0]?.title).toBe('swemwbs');
    expect(() => decodeDue({ items: [{ display_name: 'x' }] })).toThrow();
  });
  test('labels in plain English', () => {
    expect(dueStatusLabel('not_yet_due')).toBe('Not yet due');
    expect(dueStatusLabel('partial')).toBe('Started');
    expect(scoreLabel('total_cost')).toBe('Total cost');
    expect(scoreLabel('raw')).toBe('Raw score');
    expect(scoreLabel('vas')).toBe('EQ VAS');
  });
});
