import { describe, expect, it } from 'vitest';
import { beijingTime, deadlineStatus } from '../../web/console/time';

describe('console times and deadlines', () => {
  it('shows times in Beijing time whatever zone the browser is set to, across midnight and the year', () => {
    const zone = process.env.TZ;
    try {
      // A laptop set to UTC and one set to New York see the same Beijing minute.
      for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect(beijingTime('2026-03-14T17:30:00.000Z'), tz).toBe('2026-03-15 01:30');
        expect(beijingTime('2025-12-31T16:00:59.999Z'), tz).toBe('2026-01-01 00:00');
        expect(beijingTime('2026-07-01T03:05:00Z'), tz).toBe('2026-07-01 11:05');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('says how far off the 推荐汇总表 deadline is, and that it has passed once it has, without a count of days since', () => {
    expect(deadlineStatus({ label: '2027年3月15日', daysLeft: 10 })).toBe('还有 10 天');
    expect(deadlineStatus({ label: '2027年3月15日', daysLeft: 1 })).toBe('还有 1 天');
    expect(deadlineStatus({ label: '2027年3月15日', daysLeft: 0 })).toBe('今天截止');
    expect(deadlineStatus({ label: '2023年3月15日', daysLeft: -1361 })).toBe('已过截止日期');
    expect(deadlineStatus({ label: '2023年3月15日', daysLeft: -1 })).not.toMatch(/\d/);
  });
});
