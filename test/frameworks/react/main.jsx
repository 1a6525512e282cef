// A React 19 app using the kit as npm users do: the element entries register the elements, React renders them.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from 'growth-kit';
import 'growth-kit/hand-raise-lead-button';
import 'growth-kit/consent-gate';
import 'growth-kit/course-progress-tracker';

configure({ endpoint: '/api' });
window.__events = [];
const record = (event) => window.__events.push({ type: event.type, detail: event.detail });

function App() {
  return (
    <main>
      <h1>React 19</h1>
      {/* React 19 sets an object as a property and a false boolean as false; on<event> props listen. */}
      <hand-raise-lead-button
        glm-content="react-app"
        small={false}
        ctaTracking={{ action: 'click_button', label: 'react' }}
        ongk-lead-form-open={record}
        ongk-lead-submitted={record}
      ></hand-raise-lead-button>
      {/* JSX gives the template DOM children, not content. */}
      <consent-gate category="marketing">
        <template>
          <p id="gated">Gated in React</p>
        </template>
      </consent-gate>
      <consent-gate></consent-gate>
      {/* Bound ids arrive as numbers: React 19 sets them as properties. */}
      <course-progress-tracker courseId={4242} userId={7} lessons='[{"id":"q1","title":"Quiz","type":"quiz"}]'></course-progress-tracker>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
