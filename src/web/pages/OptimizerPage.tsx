import { useSession } from '../auth/SessionContext.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { useQueryParam } from '../router/useQueryParam.ts';
import { FrontierPanel } from './optimizer/FrontierPanel.tsx';
import { RunPanel } from './optimizer/RunPanel.tsx';
import { ScenariosPanel } from './optimizer/ScenariosPanel.tsx';

/**
 * The portfolio optimizer: constraints and a run (portfolio managers), the efficient frontier, and
 * saved scenarios to compare and commit. Everything about the view is in the URL.
 */
export function OptimizerPage() {
  const session = useSession();
  const canRun = session.can('portfolio.write');
  const [tab, setTab] = useQueryParam('tab');
  const current = !canRun ? 'scenarios' : tab === 'frontier' || tab === 'scenarios' ? tab : '';
  const tabs = [
    ...(canRun
      ? [
          { value: '', label: 'Run' },
          { value: 'frontier', label: 'Efficient frontier' },
        ]
      : []),
    { value: 'scenarios', label: 'Scenarios' },
  ];
  return (
    <>
      <PageHeader
        title="Optimizer and scenarios"
        subtitle="Choose what to fund under budget, capacity and rules; see the trade-off curve; compare and commit scenarios."
      />
      <Tabs label="Optimizer views" tabs={tabs} value={current} onChange={setTab} />
      {current === 'frontier' ? (
        <FrontierPanel />
      ) : current === 'scenarios' ? (
        <ScenariosPanel />
      ) : (
        <RunPanel />
      )}
    </>
  );
}
