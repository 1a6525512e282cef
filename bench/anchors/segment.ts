import { AnalyticsBrowser } from '@segment/analytics-next';
void AnalyticsBrowser.load({ writeKey: 'anchor' });
