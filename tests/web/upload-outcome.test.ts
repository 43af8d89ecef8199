import { describe, expect, it } from 'vitest';
import { suggestionsSaid } from '../../web/lib/upload-outcome';

describe('what the upload panel says of a document\'s suggestions', () => {
  it('asks for a review only of what is still open', () => {
    expect(suggestionsSaid(3, 0, 0)).toBe('已识别 3 项，请逐项核对后采纳');
    expect(suggestionsSaid(3, 1, 0)).toBe('已识别 3 项，已采纳 1 项，还有 2 项请核对后采纳');
    expect(suggestionsSaid(3, 0, 1)).toBe('已识别 3 项，未采纳 1 项，还有 2 项请核对后采纳');
    expect(suggestionsSaid(4, 1, 1)).toBe('已识别 4 项，已采纳 1 项、未采纳 1 项，还有 2 项请核对后采纳');
  });

  it('says when everything is decided, and how', () => {
    expect(suggestionsSaid(2, 2, 0)).toBe('已识别 2 项，已全部采纳');
    expect(suggestionsSaid(2, 0, 2)).toBe('已识别 2 项，都未采纳');
    expect(suggestionsSaid(3, 2, 1)).toBe('已识别 3 项，已采纳 2 项、未采纳 1 项，都已处理');
    expect(suggestionsSaid(1, 1, 0)).toBe('已识别 1 项，已全部采纳');
  });
});
