/** English wording of the consent preferences: loaded with the lazy preferences chunk and added to the English catalog. */
const enConsent = {
  'consent.save': 'Save choices',
  'consent.alwaysOn': 'Always on',
  'consent.necessaryText': 'Needed for the site to work, such as remembering this choice.',
  'consent.functionalText': 'Remembers settings and embeds content such as videos.',
  'consent.analyticsText': 'Helps us understand how the site is used.',
  'consent.marketingText': 'Measures campaigns and personalises advertising.',
  'consent.gpc': 'Your browser sends a Global Privacy Control signal, so marketing stays off unless you turn it on.',
};

export default enConsent;
