import 'vanilla-cookieconsent/dist/cookieconsent.css';
import * as CookieConsent from 'vanilla-cookieconsent';
void CookieConsent.run({
  categories: { necessary: { readOnly: true }, analytics: {} },
  language: { default: 'en', translations: { en: { consentModal: { title: 'Cookies', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all' }, preferencesModal: { sections: [] } } } },
});
