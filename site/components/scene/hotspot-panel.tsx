// The open hotspot's text. A live region, so choosing a hotspot (or a tour step) is announced.
export interface HotspotPanelProps {
  hotspot?: { id: string; title: string; text: string; lang: string; artifactUrl?: string };
  strings: Record<string, string>;
  onClose: () => void;
}

export function HotspotPanel({ hotspot, strings, onClose }: HotspotPanelProps) {
  return (
    <section id="scene-hotspot-panel" className="scene-hotspot-panel" aria-live="polite" hidden={!hotspot}>
      {hotspot && (
        <div lang={hotspot.lang} data-hotspot-panel={hotspot.id}>
          <h3>{hotspot.title}</h3>
          <p>{hotspot.text}</p>
          {hotspot.artifactUrl && (
            <p>
              <a href={hotspot.artifactUrl}>{strings['hotspot.artifact']}</a>
            </p>
          )}
          <button type="button" onClick={onClose}>
            {strings['hotspot.close']}
          </button>
        </div>
      )}
    </section>
  );
}
