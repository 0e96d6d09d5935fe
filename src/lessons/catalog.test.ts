/**
 * The catalog (the first chunk's table of contents) is the course's: same lessons, same order, same titles.
 * The texts themselves load on demand; a lesson added to course.ts but not here would be unreachable.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LESSON_ID, LESSON_CATALOG, lessonIndex, lessonTitle } from './catalog';
import { COURSE } from './course';

describe('lesson catalog', () => {
  it('lists the course in order, with its titles', () => {
    expect(LESSON_CATALOG.map((l) => [l.id, l.title])).toEqual(COURSE.map((l) => [l.id, l.title]));
  });

  it('opens on the course’s first lesson', () => {
    expect(DEFAULT_LESSON_ID).toBe(COURSE[0]!.id);
    expect(lessonIndex(DEFAULT_LESSON_ID)).toBe(0);
  });

  it('finds titles by id and nothing for an unknown id', () => {
    expect(lessonTitle(COURSE[3]!.id)).toBe(COURSE[3]!.title);
    expect(lessonTitle('no-such-lesson')).toBeUndefined();
    expect(lessonIndex('no-such-lesson')).toBe(-1);
  });
});
