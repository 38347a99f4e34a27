import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { ConstraintsBody, PortfolioRun } from '../../api/optimizer.ts';
import { runOptimizer } from '../../api/optimizerJobs.ts';
import { Card } from '../../components/Card.tsx';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { FormError } from '../../components/FormError.tsx';
import { navigate, useLocation } from '../../router/router.ts';
import { ConstraintsForm } from './ConstraintsForm.tsx';
import { CONSTRAINT_FIELDS, constraintErrors } from './constraintErrors.ts';
import { bodyFromState, searchFromState, stateFromSearch } from './constraintsState.ts';
import { RunProgress } from './RunProgress.tsx';
import { RunReport } from './RunReport.tsx';
import { SaveScenarioForm } from './SaveScenarioForm.tsx';
import { useLongCall } from './useLongCall.ts';

/** Constraints → run (with progress) → report → save as a scenario. The constraints live in the URL. */
export function RunPanel() {
  const { path, search } = useLocation();
  const [state, setState] = useState(() => stateFromSearch(search));
  const [ranBody, setRanBody] = useState<ConstraintsBody | null>(null);
  const call = useLongCall<PortfolioRun>();
  const run = () => {
    const body = bodyFromState(state);
    const qs = searchFromState(state, new URLSearchParams(window.location.search)).toString();
    navigate(`${path}${qs ? `?${qs}` : ''}`, true);
    setRanBody(body);
    call.start((onProgress, signal) => runOptimizer(body, onProgress, signal));
  };
  const errors = ranBody ? constraintErrors(call.error, ranBody) : {};
  const validation = call.error instanceof ApiError && call.error.issues.length > 0;
  return (
    <>
      <Card title="Constraints">
        <ConstraintsForm
          state={state}
          onChange={setState}
          onSubmit={run}
          errors={errors}
          busy={call.running}
          submitLabel="Run optimizer"
        />
        {validation && <FormError error={call.error} fields={CONSTRAINT_FIELDS} />}
      </Card>
      {call.running && (
        <RunProgress
          what="Optimizing"
          progress={call.progress}
          elapsed={call.elapsed}
          onCancel={call.cancel}
        />
      )}
      {call.error !== null && !validation && <ErrorPanel error={call.error} onRetry={run} />}
      {call.result && ranBody && (
        <>
          <Card title="Save as scenario">
            <SaveScenarioForm
              body={ranBody}
              onSaved={(s) => navigate(`${path}?tab=scenarios&scenario=${s.id}`)}
            />
          </Card>
          <RunReport run={call.result} />
        </>
      )}
    </>
  );
}
