import '@typeform/embed/build/css/popup.css';
import { createPopup } from '@typeform/embed';
createPopup('abc123').open();
