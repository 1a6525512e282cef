// A Vue 3 app using the kit as npm users do; Vue is told the kit's tags are custom elements.
import { createApp } from 'vue/dist/vue.esm-bundler.js';
import { configure } from 'growth-kit';
import 'growth-kit/hand-raise-lead-button';
import 'growth-kit/consent-gate';
import 'growth-kit/course-progress-tracker';

configure({ endpoint: '/api' });
window.__events = [];

const app = createApp({
  // small="false" is what Vue writes for a false boolean attribute; @gk-… listens to the kit's events; a binding
  // named as the element's property (:courseId) sets the property, here a number (:course-id would set the attribute).
  template: `
    <main>
      <h1>Vue 3</h1>
      <hand-raise-lead-button glm-content="vue-app" small="false" :ctaTracking="{ action: 'click_button', label: 'vue' }"
        @gk-lead-form-open="record" @gk-lead-submitted="record"></hand-raise-lead-button>
      <consent-gate category="marketing">
        <template><p id="gated">Gated in Vue</p></template>
      </consent-gate>
      <consent-gate></consent-gate>
      <course-progress-tracker :courseId="4343" :userId="7" lessons='[{"id":"q1","title":"Quiz","type":"quiz"}]'></course-progress-tracker>
    </main>`,
  methods: {
    record(event) {
      window.__events.push({ type: event.type, detail: event.detail });
    },
  },
});
app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-');
app.mount('#app');
