import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

// A concrete font (not 'inherit'): ECharts measures label widths itself, and must measure the font it draws.
const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the chart itself is an image). */
  label: string;
  height?: number;
  /** A text alternative (e.g. a small table), visually hidden. */
  children?: ReactNode;
}

/** An Apache ECharts chart; ECharts is loaded on first use so it stays out of the initial bundle. */
export function Chart({ option, label, height = 240, children }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    import('../charts/echarts.ts')
      .then(({ echarts }) => {
        if (disposed || !ref.current) return;
        const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
        chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(ref.current);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return (
    <figure className="chart">
      {failed ? (
        <p className="field-error">The chart could not be drawn: {failed}</p>
      ) : (
        <div ref={ref} className="chart-canvas" role="img" aria-label={label} style={{ height }} />
      )}
      {children && <figcaption className="visually-hidden">{children}</figcaption>}
    </figure>
  );
}
