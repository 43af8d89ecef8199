import { css } from 'lit';

/** Cards, tables and form fields shared by the console's views. */
export const consoleStyles = css`
  .card {
    background: var(--zz-color-surface);
    border: 1px solid var(--zz-color-border);
    border-radius: var(--zz-radius);
    padding: var(--zz-space-4);
    margin-bottom: var(--zz-space-4);
  }
  h2 {
    font-size: var(--zz-font-size-lg);
    margin: 0 0 var(--zz-space-3);
  }
  label {
    display: block;
    font-size: var(--zz-font-size-sm);
    color: var(--zz-color-muted);
    margin-bottom: var(--zz-space-1);
  }
  input[type='text'],
  input[type='password'],
  textarea {
    width: 100%;
    min-height: var(--zz-tap);
    padding: var(--zz-space-2) var(--zz-space-3);
    border: 1px solid var(--zz-color-border);
    border-radius: var(--zz-radius);
    background: var(--zz-color-surface);
  }
  textarea {
    min-height: 88px;
    resize: vertical;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--zz-space-2);
    align-items: center;
  }
  .error {
    color: var(--zz-color-unmet);
    background: var(--zz-color-unmet-soft);
    border-radius: var(--zz-radius);
    padding: var(--zz-space-2) var(--zz-space-3);
    margin: var(--zz-space-2) 0;
  }
  .warn {
    color: var(--zz-color-partial);
    background: var(--zz-color-partial-soft);
    border-radius: var(--zz-radius);
    padding: var(--zz-space-2) var(--zz-space-3);
    margin: var(--zz-space-2) 0;
  }
  .ok {
    color: var(--zz-color-met);
  }
  .muted {
    color: var(--zz-color-muted);
    font-size: var(--zz-font-size-sm);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--zz-font-size-sm);
  }
  th,
  td {
    text-align: left;
    padding: var(--zz-space-2);
    border-bottom: 1px solid var(--zz-color-border);
    vertical-align: top;
  }
  th {
    color: var(--zz-color-muted);
    font-weight: 600;
    white-space: nowrap;
  }
  .tag {
    display: inline-block;
    padding: 0 var(--zz-space-2);
    border-radius: var(--zz-radius-pill);
    font-size: 13px;
    background: var(--zz-color-unknown-soft);
    white-space: nowrap;
  }
  .tag.met {
    background: var(--zz-color-met-soft);
    color: var(--zz-color-met);
  }
  .tag.partial {
    background: var(--zz-color-partial-soft);
    color: var(--zz-color-partial);
  }
  .tag.unmet {
    background: var(--zz-color-unmet-soft);
    color: var(--zz-color-unmet);
  }
`;
