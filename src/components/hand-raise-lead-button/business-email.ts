/** Whether an address is at a company domain rather than a free-mail provider (the lead form flags it). */
const FREE_MAIL = new Set(
  (
    'gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de ymail.com hotmail.com hotmail.co.uk hotmail.fr ' +
    'outlook.com live.com msn.com aol.com icloud.com me.com mac.com proton.me protonmail.com gmx.de gmx.net gmx.com ' +
    'web.de t-online.de mail.ru yandex.ru yandex.com qq.com 163.com 126.com zoho.com mail.com free.fr orange.fr ' +
    'libero.it wp.pl o2.pl interia.pl uol.com.br bol.com.br naver.com'
  ).split(' '),
);

/** Whether the address is at a company domain rather than a free-mail provider. Flags, never blocks. */
export function isBusinessEmail(email: string): boolean {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  return domain !== '' && !FREE_MAIL.has(domain);
}
