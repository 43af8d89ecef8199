import { describe, expect, it } from 'vitest';
import { q, items } from './readings';

describe('an answer word that is its reply\'s whole first clause', () => {
  it('answers as it does alone, the rest being detail', () => {
    expect(items('中 按批次能查', q('cap.qualityTraceability'))).toEqual({ 'cap.qualityTraceability': true });
    expect(items('算，省内同行里top3', q('self.networkingAdvanced'))).toEqual({ 'self.networkingAdvanced': true });
  });

  it('does not answer yes when the rest says no', () => {
    expect(items('中，就是没有', q('cap.qualityTraceability'))).toEqual({ 'cap.qualityTraceability': false });
  });
});

describe('a self-assessment of 「一般」', () => {
  it('is not advanced when it is the whole reply', () => {
    expect(items('一般', q('self.networkingAdvanced'))).toEqual({ 'self.networkingAdvanced': false });
  });

  it('says nothing when 一般 only compares (「比一般企业强」)', () => {
    expect(items('比一般企业强', q('self.networkingAdvanced'))).not.toEqual({ 'self.networkingAdvanced': false });
  });
});

describe('systems described by what they do', () => {
  it('reads 「都连一块了」 as joined and 「还没连一块」 as not', () => {
    expect(items('都连一块了', q('cap.scadaMesErpIntegration'))).toEqual({ 'cap.scadaMesErpIntegration': true });
    expect(items('还没连一块', q('cap.scadaMesErpIntegration'))).toEqual({ 'cap.scadaMesErpIntegration': false });
  });

  it('reads an Andon described by its button, asked beside it too', () => {
    expect(items('俺们工位上有按钮，一按大屏就报警', q('cap.andon'))).toEqual({ 'cap.andon': true });
    expect(items('没有按钮报警', q('cap.andon'))).toEqual({ 'cap.andon': false });
  });
});
