import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { controls } from '../../components/shared-styles';
import { consoleStyles } from './styles';
import { call, download } from '../api';

// Only the chart types used here are bundled.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

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
  tables: Record<TableId, Table>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

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
      select {
        min-height: var(--zz-tap);
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
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 32, bottom: 28 },
        xAxis: { type: 'category', data: t.perDay.rows.map((r) => r[0]) },
        yAxis: { type: 'value', minInterval: 1 },
        // One series a counted column, named by the table's own heading (the CSV's), the day column aside.
        series: t.perDay.columns.slice(1).map((name, i) => ({ name, type: 'bar', data: t.perDay.rows.map((r) => r[i + 1]) })),
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
    if (!d) return html`${this._error ? html`<div class="error" role="alert">${this._error}</div>` : html`<p class="muted">加载中…</p>`}`;
    return html`
      <div class="stats" data-testid="rates">
        <div class="card"><div class="muted">近 ${d.days} 天问题数</div><div class="big">${d.questions}</div></div>
        <div class="card"><div class="muted">未能回答比例</div><div class="big">${pct(d.refusalRate)}</div></div>
        <div class="card"><div class="muted">低置信度比例（&lt; ${Math.round(d.lowConfidence * 100)}%）</div><div class="big">${pct(d.lowConfidenceRate)}</div></div>
        <div class="card"><div class="muted">导出申报书草稿（份）</div><div class="big" data-testid="drafts-exported">${d.draftsExported}</div></div>
      </div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : ''}
      <div class="card">${this._head('perDay', d.tables.perDay)}<div id="perDay" class="chart" role="img" aria-label="每日问题数柱状图"></div></div>
      <div class="card">${this._head('topics', d.tables.topics)}<div id="topics" class="chart" role="img" aria-label="热点条款柱状图"></div>${this._table(d.tables.topics)}</div>
      <div class="card">${this._head('exports', d.tables.exports)}${this._table(d.tables.exports)}</div>
      <div class="row">
        <h2 class="grow" data-testid="dashboard-year">${d.year}年度提交初审的企业</h2>
        ${d.years.length > 1
          ? html`<label class="row" style="margin:0">年度
              <select data-testid="dashboard-year-select" aria-label="申报年度" @change=${(e: Event) => void this._load(Number((e.target as HTMLSelectElement).value))}>
                ${d.years.map((y) => html`<option value=${y} ?selected=${y === d.year}>${y}年度</option>`)}
              </select></label>`
          : ''}
      </div>
      ${(['regions', 'categories', 'verdicts'] as const).map((id) => html`<div class="card">${this._head(id, d.tables[id])}${this._table(d.tables[id])}</div>`)}
    `;
  }

  private _head(id: TableId, t: Table) {
    return html`<div class="row"><h2 style="flex:1">${t.title}</h2><button class="btn" data-testid=${`csv-${id}`} @click=${() => this._csv(id, t)}>导出 CSV</button></div>`;
  }

  private _table(t: Table) {
    if (!t.rows.length) return html`<p class="muted">暂无数据</p>`;
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
