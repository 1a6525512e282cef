/**
 * A local stand-in for OneTrust's cookie banner SDK, speaking the part of its documented browser API that a site
 * integrates with: `OneTrust.IsAlertBoxClosed()`, `AllowAll()`, `RejectAll()`, `UpdateConsent(group, bool)`,
 * `ToggleInfoDisplay()`, `OnConsentChanged(cb)`, the `OnetrustActiveGroups` / `OptanonActiveGroups` strings
 * (",C0001,C0002,"), the `OneTrustGroupsUpdated` window event (detail: the active group ids) and the
 * `OptanonWrapper()` callback, both once the SDK has loaded and after every choice; `GetDomainData()` with the
 * geolocation rule's `ConsentModel.Name` ('opt-in', 'opt-out', 'implied consent', 'notice only') and
 * `ShowAlertNotice`; and its cookies, `OptanonConsent` (groups=C0001:1,C0002:0,…) and `OptanonAlertBoxClosed`.
 */
interface OneTrustStandIn {
  IsAlertBoxClosed(): boolean;
  AllowAll(): void;
  RejectAll(): void;
  UpdateConsent(group: string, granted: boolean): void;
  ToggleInfoDisplay(): void;
  OnConsentChanged(callback: (event: CustomEvent<string[]>) => void): void;
  GetDomainData(): { ShowAlertNotice: boolean; ConsentModel: { Name: string } };
  /** Test-only: how often the preference center was opened. */
  preferenceCenterOpened: number;
}

type OneTrustWindow = Window & {
  OneTrust?: OneTrustStandIn;
  OnetrustActiveGroups?: string;
  OptanonActiveGroups?: string;
  OptanonWrapper?: () => void;
};

export const ALL_GROUPS = ['C0001', 'C0002', 'C0003', 'C0004'];

/** Installs the SDK as if its script had just loaded; `closed` means the visitor chose on an earlier visit. */
export function installOneTrust(
  options: { closed?: boolean; active?: string[]; model?: 'opt-in' | 'opt-out' | 'implied consent' | 'notice only'; showAlertNotice?: boolean } = {},
): OneTrustStandIn {
  const w = window as OneTrustWindow;
  let closed = options.closed ?? false;
  let active = options.active ?? ['C0001'];
  const listeners: ((event: CustomEvent<string[]>) => void)[] = [];
  const publish = () => {
    w.OnetrustActiveGroups = w.OptanonActiveGroups = `,${active.join(',')},`;
    const groups = ALL_GROUPS.map((g) => `${g}:${active.includes(g) ? 1 : 0}`).join(',');
    document.cookie = `OptanonConsent=${encodeURIComponent(`isGpcEnabled=0&datestamp=${new Date().toUTCString()}&version=202411.1.0&groups=${groups}`)}; path=/`;
    if (closed) document.cookie = `OptanonAlertBoxClosed=${new Date().toISOString()}; path=/`;
  };
  const choose = (groups: string[]) => {
    closed = true;
    active = groups;
    publish();
    const event = new CustomEvent('OneTrustGroupsUpdated', { detail: [...active] });
    window.dispatchEvent(event);
    listeners.forEach((l) => l(event));
    w.OptanonWrapper?.();
  };
  const sdk: OneTrustStandIn = {
    IsAlertBoxClosed: () => closed,
    AllowAll: () => choose([...ALL_GROUPS]),
    RejectAll: () => choose(['C0001']),
    UpdateConsent: (group, granted) => choose(granted ? [...new Set([...active, group])] : active.filter((g) => g !== group)),
    ToggleInfoDisplay: () => void (sdk.preferenceCenterOpened += 1),
    OnConsentChanged: (callback) => void listeners.push(callback),
    GetDomainData: () => ({ ShowAlertNotice: options.showAlertNotice ?? true, ConsentModel: { Name: options.model ?? 'opt-in' } }),
    preferenceCenterOpened: 0,
  };
  publish();
  w.OneTrust = sdk;
  // As the SDK does each time its script loads: the event with the active groups, then the wrapper.
  window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: [...active] }));
  w.OptanonWrapper?.();
  return sdk;
}

/** The stub's script tag, as a site's head carries it before the SDK arrives. */
export function addStubTag(): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain'; // never fetched: the stand-in is installed by the test
  script.setAttribute('data-domain-script', '00000000-0000-0000-0000-000000000000');
  document.head.append(script);
  return script;
}
