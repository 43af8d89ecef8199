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
  input[type='search'],
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
  /*
   * Small native controls get a finger-sized target: a checkbox is tapped through its label, which is
   * as tall as a button; a file picker, a select and a disclosure summary are as tall as a button.
   */
  label:has(> input[type='checkbox']) {
    display: flex;
    align-items: center;
    gap: var(--zz-space-2);
    min-height: var(--zz-tap);
    cursor: pointer;
  }
  input[type='checkbox'] {
    width: 20px;
    height: 20px;
    margin: 0;
    flex: none;
  }
  input[type='file'] {
    display: block;
    max-width: 100%;
    min-height: var(--zz-tap);
    margin-bottom: var(--zz-space-3);
  }
  input[type='file']::file-selector-button {
    min-height: var(--zz-tap);
    margin-right: var(--zz-space-3);
    padding: 0 var(--zz-space-4);
    border: 1px solid var(--zz-color-border);
    border-radius: var(--zz-radius);
    background: var(--zz-color-surface);
    font: inherit;
    cursor: pointer;
  }
  /* Drawn as the text boxes are: the browser's own square grey select looked like another page's control. */
  select {
    max-width: 100%;
    min-height: var(--zz-tap);
    padding: 0 var(--zz-space-2);
    border: 1px solid var(--zz-color-border);
    border-radius: var(--zz-radius);
    background: var(--zz-color-surface);
  }
  summary {
    display: flex;
    align-items: center;
    min-height: var(--zz-tap);
    cursor: pointer;
  }
  summary::before {
    content: '▸';
    margin-right: var(--zz-space-2);
  }
  details[open] > summary::before {
    content: '▾';
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--zz-space-2);
    align-items: center;
  }
  /* A time said in a sentence (「2026-12-15 05:01」) is read whole: a phone line never breaks it at its hyphen or space. */
  .time {
    white-space: nowrap;
  }
  /* A box a form's check refused (form-check.ts), beside the alert that says why. */
  input[aria-invalid='true'] {
    border-color: var(--zz-color-unmet);
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
  /* A heading beside its buttons: on a phone the buttons go under it rather than squeezing it to a column. */
  .grow {
    flex: 1 1 12em;
    min-width: 0;
  }
  /* A name that opens a record, inside a table cell: read as text, from the left. */
  td .btn.ghost {
    justify-content: flex-start;
    text-align: left;
    padding-left: 0;
  }
  /*
   * On a phone a wide table scrolls sideways and hides its last columns, the actions among them:
   * each row becomes a block of label and value instead. The labels come from data-label.
   */
  @media (max-width: 600px) {
    table.stack thead {
      display: none;
    }
    table.stack,
    table.stack tbody,
    table.stack tr,
    table.stack td {
      display: block;
      width: 100%;
    }
    table.stack tr {
      padding: var(--zz-space-2) 0;
      border-bottom: 1px solid var(--zz-color-border);
    }
    table.stack td {
      display: flex;
      gap: var(--zz-space-2);
      align-items: baseline;
      padding: var(--zz-space-1) 0;
      border-bottom: none;
    }
    table.stack td[data-label]::before {
      content: attr(data-label);
      flex: none;
      width: 5.5em;
      color: var(--zz-color-muted);
      font-weight: 600;
    }
    /*
     * A cell of running text (a question, and what was said of it) takes the card's whole width under its label:
     * beside a label, its text and each paragraph after it would share the row as narrow columns.
     */
    table.stack td.wide {
      display: block;
    }
    table.stack td.wide[data-label]::before {
      display: block;
      width: auto;
      margin-bottom: var(--zz-space-1);
    }
  }
  /* A time or a version name broken over lines is hard to read; on a phone the cells are stacked anyway. */
  @media (min-width: 601px) {
    td.nowrap {
      white-space: nowrap;
    }
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
    /* First lines level across a row, also beside a cell whose name is a button taller than the text. */
    vertical-align: baseline;
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
