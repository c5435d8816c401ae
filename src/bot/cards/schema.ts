/**
 * The subset of the Adaptive Cards 1.5 schema that Stagemap's cards use, as plain types.
 *
 * Why not the classes of `@microsoft/teams.cards`: they serialise every default (`isSortKey`, `mode`,
 * `conditionallyEnabled`, `requires: {}`, …), several of which are not 1.5 properties, and the bloat eats into
 * Teams' 28 KB card limit. Its interfaces target a newer schema too, so they would not stop a 1.6-only property.
 * Plain objects typed here are serialised with JSON.stringify and nothing else.
 *
 * Safety by type: `TextBlock.text`, Toggle titles, choice titles and error messages are markdown-interpreted by
 * Teams (and by the official renderer when a markdown processor is set), so they only accept `SafeText`, which
 * is produced by `safe()` (our own constant texts) or `escapeMarkdown()` (anything editable). User-typed text goes
 * into `TextRun`s of a `RichTextBlock`, which are never interpreted, or into input values.
 */

declare const safeBrand: unique symbol;
/** A string that may be placed where markdown is interpreted. */
export type SafeText = string & { readonly [safeBrand]: true };

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextWeight = 'Lighter' | 'Default' | 'Bolder';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: SafeText;
  wrap?: boolean;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
}

export interface TextRun {
  type: 'TextRun';
  /** Never interpreted as markdown: the only place for user-typed text besides input values. */
  text: string;
  weight?: TextWeight;
  color?: TextColor;
  size?: TextSize;
  isSubtle?: boolean;
  italic?: boolean;
  selectAction?: OpenUrlAction;
}

export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export interface Fact {
  title: SafeText;
  value: SafeText;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface Column {
  type: 'Column';
  width?: 'auto' | 'stretch' | number;
  items: CardElement[];
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

interface InputBase extends ElementBase {
  id: string;
  /** Rendered as a TextRun by the official renderer, plain text in Teams: no markdown. */
  label?: string;
  isRequired?: boolean;
  errorMessage?: SafeText;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  value?: string;
}

export interface NumberInput extends InputBase {
  type: 'Input.Number';
  min?: number;
  max?: number;
  value?: number;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  value?: string;
}

export interface ToggleInput extends InputBase {
  type: 'Input.Toggle';
  title: SafeText;
  value?: string;
  valueOn: string;
  valueOff: string;
  wrap?: boolean;
}

export interface Choice {
  title: SafeText;
  value: string;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  placeholder?: string;
  value?: string;
  wrap?: boolean;
}

export type InputElement = TextInput | NumberInput | DateInput | ToggleInput | ChoiceSetInput;
export type CardElement = TextBlock | RichTextBlock | FactSet | Container | ColumnSet | InputElement;

/** Data carried by every Stagemap action: which moment, which internship, and the idempotency key. */
export interface MomentActionData {
  momentKey: string;
  internshipId: string;
  answerKey: string;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title?: SafeText;
  verb: string;
  data: MomentActionData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
  fallback?: SubmitAction;
}

/** Only as the fallback of Action.Execute, for Teams clients that predate Universal Actions (Teams docs). */
export interface SubmitAction {
  type: 'Action.Submit';
  title?: SafeText;
  data: MomentActionData & { verb: string };
  style?: 'default' | 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title?: SafeText;
  url: string;
}

export type CardAction = ExecuteAction | OpenUrlAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  lang?: string;
  fallbackText?: string;
  speak?: string;
  refresh?: { action: ExecuteAction; userIds: string[] };
  body: CardElement[];
  actions?: CardAction[];
}
