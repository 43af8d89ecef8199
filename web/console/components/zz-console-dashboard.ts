import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, download } from '../api';
import { fill, words } from '../../lib/messages';

// Only the chart types used here are bundled.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}
type TableId = 'perDay' | 'topics' | 'regions' | 'categories' | 'verdicts' | 'exports';
interface Dashboard {
  days: number;
  /** The programme year the submission counts are of, and the years there are submissions of. */
  year: number;
  years: number[];
  lowConfidence: number;
  questions: number;
  refusalRate: number;
  lowConfidenceRate: number;
  draftsExported: number;
  /** Interview replies the rules did not read: counted apart, never as questions. */
  misreads: number;
  tables: Record<TableId, Table>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const W = words.console.dashboard;

/**
 * The colour of each counted column of the per-day table, in its order (问题数, 未能回答, 低置信度, 评估未读懂): the page's
 * own status colours, so an unanswered question is red and a reply not read is not.
 */
const PER_DAY_COLOURS = [
  ['--zz-color-primary', '#1749b3'],
  ['--zz-color-unmet', '#b42318'],
  // 通知未涉及: answered by an entry that says the notice leaves the topic out, so told apart from 未能回答's red.
  ['--zz-color-met', '#146c2e'],
  ['--zz-color-partial', '#8a4b00'],
  ['--zz-color-unknown', '#4a5565'],
] as const;

/** The dashboard: questions per day, hot clauses, refusal and low-confidence rates, submitted assessments; every table as CSV. */
@customElement('zz-console-dashboard')
export class ZzConsoleDashboard extends LitElement {
  static styles = [
    controls,
    consoleStyles,
    css`
      :host {
        display: block;
      }
      .stats {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
        gap: var(--zz-space-3);
      }
      .big {
        font-size: 26px;
        font-weight: 700;
      }
      .chart {
        width: 100%;
        height: 260px;
      }
      .note {
        font-size: 13px;
        margin-top: var(--zz-space-1);
      }
      /*
       * The per-day chart's legend is the page's own list, not drawn on the chart: it wraps to as many lines as the
       * width needs, and a wrapped line never lies on the chart's gridlines.
       */
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: var(--zz-space-1) var(--zz-space-3);
        margin: var(--zz-space-2) 0;
        padding: 0;
        list-style: none;
        font-size: 13px;
      }
      .legend li {
        display: inline-flex;
        align-items: center;
        gap: var(--zz-space-1);
      }
      .swatch {
        width: 12px;
        height: 12px;
        border-radius: 2px;
        flex: none;
      }
    `,
  ];

  @state() private _d: Dashboard | null = null;
  @state() private _error = '';
  private readonly _charts: echarts.ECharts[] = [];
  private _resize?: ResizeObserver;

  connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    for (const c of this._charts.splice(0)) c.dispose();
  }

  private async _load(year?: number) {
    try {
      this._d = await call<Dashboard>('GET', `/api/staff/dashboard?days=30${year ? `&year=${year}` : ''}`);
    } catch (err) {
      this._error = (err as Error).message;
    }
  }

  protected updated(_changed: PropertyValues): void {
    if (!this._d) return;
    for (const c of this._charts.splice(0)) c.dispose();
    const t = this._d.tables;
    const perDay = this.renderRoot.querySelector<HTMLDivElement>('#perDay');
    const topics = this.renderRoot.querySelector<HTMLDivElement>('#topics');
    if (perDay) {
      const c = echarts.init(perDay);
      const colours = this._colours();
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 12, bottom: 28 },
        xAxis: { type: 'category', data: t.perDay.rows.map((r) => r[0]) },
        yAxis: { type: 'value', minInterval: 1 },
        // One series a counted column, named by the table's own heading (the CSV's), the day column aside.
        series: t.perDay.columns.slice(1).map((name, i) => ({ name, type: 'bar', itemStyle: { color: colours[i] }, data: t.perDay.rows.map((r) => r[i + 1]) })),
      });
      this._charts.push(c);
    }
    if (topics) {
      const rows = [...t.topics.rows].reverse();
      const c = echarts.init(topics);
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 80, right: 16, top: 8, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((r) => r[0]) },
        series: [{ name: t.topics.columns[2], type: 'bar', data: rows.map((r) => r[2]) }],
      });
      this._charts.push(c);
    }
    this._resize?.disconnect();
    this._resize = new ResizeObserver(() => this._charts.forEach((c) => c.resize()));
    this._resize.observe(this);
  }

  render() {
    const d = this._d;
    if (!d) return html`${this._error ? html`<div class="error" role="alert">${this._error}</div>` : html`<p class="muted">${W.loading}</p>`}`;
    const colours = this._colours();
    return html`
      <div class="stats" data-testid="rates">
        <div class="card"><div class="muted">${fill(W.questions, { days: d.days })}</div><div class="big" data-testid="questions">${d.questions}</div><div class="muted note">${W.questionsNote}</div></div>
        <div class="card"><div class="muted" data-testid="refusal-rate-label">${W.refusalRate}</div><div class="big">${pct(d.refusalRate)}</div><div class="muted note">${W.refusalRateNote}</div></div>
        <div class="card"><div class="muted">${fill(W.lowConfidenceRate, { percent: Math.round(d.lowConfidence * 100) })}</div><div class="big">${pct(d.lowConfidenceRate)}</div></div>
        <div class="card"><div class="muted">${W.misreads}</div><div class="big" data-testid="misreads">${d.misreads}</div><div class="muted note">${W.misreadsNote}</div></div>
        <div class="card"><div class="muted">${W.draftsExported}</div><div class="big" data-testid="drafts-exported">${d.draftsExported}</div></div>
      </div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      <div class="card">
        ${this._head('perDay', d.tables.perDay)}
        <ul class="legend" aria-label=${W.legend} data-testid="perDay-legend">
          ${d.tables.perDay.columns.slice(1).map((name, i) => html`<li><span class="swatch" style=${`background:${colours[i]}`}></span>${name}</li>`)}
        </ul>
        <div id="perDay" class="chart" role="img" aria-label=${W.perDayChart}></div>
      </div>
      <div class="card">${this._head('topics', d.tables.topics)}<div id="topics" class="chart" role="img" aria-label=${W.topicsChart}></div>${this._table(d.tables.topics)}</div>
      <div class="card">${this._head('exports', d.tables.exports)}${this._table(d.tables.exports)}</div>
      <div class="row">
        <h2 class="grow" data-testid="dashboard-year">${fill(W.year, { year: d.year })}</h2>
        ${d.years.length > 1
          ? html`<label class="row" style="margin:0">${W.yearLabel}
              <select data-testid="dashboard-year-select" aria-label=${W.yearSelect} @change=${(e: Event) => void this._load(Number((e.target as HTMLSelectElement).value))}>
                ${d.years.map((y) => html`<option value=${y} ?selected=${y === d.year}>${fill(W.yearOption, { year: y })}</option>`)}
              </select></label>`
          : ''}
      </div>
      ${(['regions', 'categories', 'verdicts'] as const).map((id) => html`<div class="card">${this._head(id, d.tables[id])}${this._table(d.tables[id])}</div>`)}
    `;
  }

  /** The per-day series' colours, read from the page's status colours (their fallbacks where a page sets none). */
  private _colours(): string[] {
    const style = getComputedStyle(this);
    return PER_DAY_COLOURS.map(([name, fallback]) => style.getPropertyValue(name).trim() || fallback);
  }

  private _head(id: TableId, t: Table) {
    return html`<div class="row"><h2 style="flex:1">${t.title}</h2><button class="btn" data-testid=${`csv-${id}`} @click=${() => this._csv(id, t)}>${W.exportCsv}</button></div>`;
  }

  private _table(t: Table) {
    if (!t.rows.length) return html`<p class="muted">${W.empty}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>${t.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
      <tbody>${t.rows.map((r) => html`<tr>${r.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }

  private async _csv(id: TableId, t: Table) {
    try {
      await download(`/api/staff/dashboard/${id}.csv?days=${this._d?.days ?? 30}&year=${this._d?.year ?? ''}`, `${t.title}.csv`);
    } catch (err) {
      this._error = (err as Error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-console-dashboard': ZzConsoleDashboard;
  }
}
