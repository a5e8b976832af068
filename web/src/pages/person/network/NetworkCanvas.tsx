// web/src/pages/person/network/NetworkCanvas.tsx: the network map drawn with Cytoscape.js as
// three concentric rings (close, middle, outer) round the person. Members can be dragged
// (the new place, and the ring it falls in, are saved) and tapped to edit. The drawing is a
// picture for sighted mouse and touch users; MemberList offers everything it does by keyboard.
import { useEffect, useRef } from 'preact/hooks';
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { RINGS } from '../../../api/practice/codes';
import { label } from '../../../practiceLabels';
import { layout, RING_RADIUS, type DraftMember } from './mapDraft';

interface Props {
  personName: string;
  members: readonly DraftMember[];
  ties: readonly [string, string][];
  selected: string | null;
  editable: boolean;
  onSelect: (ref: string) => void;
  onMove: (ref: string, x: number, y: number) => void;
}

const RELATION_COLOURS: Record<string, string> = {
  family: '#9a3412', friend: '#1d4f91', neighbour: '#166534', work_education: '#6b21a8', community_group: '#0f766e',
  faith: '#854d0e', peer: '#be185d', professional_service: '#374151', online: '#1e40af',
};

const STYLE: StylesheetJson = [
  { selector: 'node.ring', style: {
    shape: 'ellipse', 'background-opacity': 0, 'border-width': 2, 'border-color': '#9ca3af', 'border-style': 'dashed',
    label: 'data(label)', 'text-valign': 'top', 'text-margin-y': 18, color: '#374151', 'font-size': 13, events: 'no', 'z-index': 0,
  } },
  { selector: 'node.ego', style: {
    shape: 'ellipse', width: 54, height: 54, 'background-color': '#1b1b1b', label: 'data(label)', color: '#ffffff',
    'text-valign': 'center', 'font-size': 12, 'font-weight': 'bold', 'text-wrap': 'ellipsis', 'text-max-width': '50px', 'z-index': 2,
  } },
  { selector: 'node.member', style: {
    width: 30, height: 30, 'background-color': 'data(colour)', 'border-width': 2, 'border-color': '#ffffff',
    label: 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 13, color: '#1b1b1b',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '2px', 'z-index': 3,
  } },
  { selector: 'node.member.group', style: { shape: 'round-rectangle' } },
  { selector: 'node.member.organisation', style: { shape: 'diamond', width: 34, height: 34 } },
  { selector: 'node.member:selected', style: { 'border-color': '#0b0c0c', 'border-width': 4 } },
  { selector: 'edge', style: { width: 2, 'line-color': '#6b7280', 'curve-style': 'straight', events: 'no' } },
];

function elements(personName: string, members: readonly DraftMember[], ties: readonly [string, string][]): ElementDefinition[] {
  const rings: ElementDefinition[] = [...RINGS].reverse().map((r) => {
    const d = 2 * RING_RADIUS[r]!;
    return {
      data: { id: `ring-${r}`, label: label('ring', r) },
      classes: 'ring', position: { x: 0, y: 0 }, grabbable: false, selectable: false, locked: true,
      style: { width: d, height: d },
    };
  });
  const pos = layout(members);
  const nodes: ElementDefinition[] = members.map((m) => ({
    data: { id: `m-${m.ref}`, ref: m.ref, label: m.name || '(no name)', colour: RELATION_COLOURS[m.relation] ?? '#374151' },
    classes: `member ${m.kind}`,
    position: pos.get(m.ref) ?? { x: 0, y: 0 },
  }));
  const known = new Set(members.map((m) => m.ref));
  const edges: ElementDefinition[] = ties
    .filter(([a, b]) => known.has(a) && known.has(b))
    .map(([a, b]) => ({ data: { id: `t-${a}-${b}`, source: `m-${a}`, target: `m-${b}` } }));
  return [
    ...rings,
    { data: { id: 'ego', label: personName }, classes: 'ego', position: { x: 0, y: 0 }, grabbable: false, locked: true },
    ...nodes,
    ...edges,
  ];
}

/**
 * Cytoscape injects a one-rule <style> element into <head> unless an element with its id is
 * already there; our Content-Security-Policy (style-src 'self') blocks injected styles. So we
 * place a harmless <meta> with that id first, and the rule itself lives in styles/components.css.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id) !== null) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.appendChild(placeholder);
}

export function NetworkCanvas({ personName, members, ties, selected, editable, onSelect, onMove }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  // The handlers change on every render; Cytoscape keeps the ones it was given, so go through refs.
  const handlers = useRef({ onSelect, onMove });
  handlers.current = { onSelect, onMove };

  useEffect(() => {
    let destroyed = false;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      claimCytoscapeStylesheet();
      const instance = cytoscape({
        container: box.current, style: STYLE, layout: { name: 'preset' },
        userZoomingEnabled: false, userPanningEnabled: false, boxSelectionEnabled: false, autoungrabify: !editable,
      });
      instance.on('tap', 'node.member', (e) => handlers.current.onSelect(String(e.target.data('ref'))));
      instance.on('dragfree', 'node.member', (e) => {
        const p = e.target.position();
        handlers.current.onMove(String(e.target.data('ref')), p.x, p.y);
      });
      cy.current = instance;
      draw();
    });
    const onResize = (): void => fit();
    window.addEventListener('resize', onResize);
    return () => {
      destroyed = true;
      window.removeEventListener('resize', onResize);
      cy.current?.destroy();
      cy.current = null;
    };
  }, [editable]);

  const fit = (): void => {
    const c = cy.current;
    if (!c) return;
    c.resize();
    c.fit(c.$('#ring-outer'), 36);
  };

  const draw = (): void => {
    const c = cy.current;
    if (!c) return;
    c.batch(() => {
      c.elements().remove();
      c.add(elements(personName, members, ties));
      if (selected !== null) c.$(`#m-${CSS.escape(selected)}`).select();
    });
    fit();
  };

  useEffect(draw, [personName, members, ties, selected]);

  return (
    <div
      ref={box}
      class="network-canvas"
      role="img"
      aria-label={`Drawing of the network map: ${members.length} ${members.length === 1 ? 'member' : 'members'} on three rings round ${personName}. The list below holds the same information.`}
      data-testid="network-canvas"
    />
  );
}
