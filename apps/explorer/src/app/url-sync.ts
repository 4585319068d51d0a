// Keeps the address bar in step with the view: the fragment carries the view state, the
// query carries where the data came from (`?url=` or `?example=`), so a link reopens both.
import type { ViewState } from '../state/filter-state.ts';
import { decodeViewState, encodeViewState } from '../state/url-state.ts';

const writeDelayMilliseconds = 250;

export interface DataSourceParameters {
  url?: string;
  example?: string;
}

export class UrlSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private written = '';

  constructor(onExternalChange: (state: ViewState) => void) {
    // replaceState fires no event; this fires only when the user edits or follows a link.
    window.addEventListener('hashchange', () => {
      const fragment = window.location.hash.slice(1);
      if (fragment !== this.written) onExternalChange(decodeViewState(fragment));
    });
  }

  initialState(): ViewState {
    return decodeViewState(window.location.hash.slice(1));
  }

  dataSource(): DataSourceParameters {
    const params = new URLSearchParams(window.location.search);
    const source: DataSourceParameters = {};
    const url = params.get('url');
    if (url !== null && url !== '') source.url = url;
    const example = params.get('example');
    if (example !== null && example !== '') source.example = example;
    return source;
  }

  /** Records where the data came from; a local file clears it (it cannot be linked to). */
  setDataSource(source: DataSourceParameters): void {
    const params = new URLSearchParams();
    if (source.url !== undefined) params.set('url', source.url);
    if (source.example !== undefined) params.set('example', source.example);
    const search = params.toString();
    const address = `${window.location.pathname}${search === '' ? '' : `?${search}`}${window.location.hash}`;
    window.history.replaceState(null, '', address);
  }

  /** Writes the state into the fragment, a little after the last change. */
  write(state: ViewState): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const fragment = encodeViewState(state);
      this.written = fragment;
      const address = `${window.location.pathname}${window.location.search}${fragment === '' ? '' : `#${fragment}`}`;
      window.history.replaceState(null, '', address);
    }, writeDelayMilliseconds);
  }
}
