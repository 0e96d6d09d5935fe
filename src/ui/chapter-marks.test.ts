import { describe, expect, it } from 'vitest';
import { spreadMarks } from './chapter-marks';

describe('chapter marks on the slider', () => {
  it('stay where their moments are when they have room', () => {
    expect(spreadMarks([10, 50, 90], 100, 16)).toEqual([10, 50, 90]);
  });

  it('are nudged apart, in order, when moments are a few events apart', () => {
    expect(spreadMarks([40, 41, 42], 100, 16)).toEqual([40, 56, 72]);
  });

  it('stay inside the track, moving back from the right edge', () => {
    expect(spreadMarks([90, 95, 100], 100, 16)).toEqual([68, 84, 100]);
  });
});
