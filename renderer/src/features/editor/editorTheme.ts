import type { EditorThemeClasses } from 'lexical';

/**
 * CSS classes Lexical puts on the nodes it renders; the rules live in `editor.css`. Kept apart
 * from the component so a new node only adds its class here.
 */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'cb-note__paragraph',
  heading: {
    h2: 'cb-note__h2',
    h3: 'cb-note__h3',
  },
  quote: 'cb-note__quote',
  list: {
    ul: 'cb-note__ul',
    ol: 'cb-note__ol',
    listitem: 'cb-note__listitem',
    nested: { listitem: 'cb-note__listitem--nested' },
  },
  link: 'cb-note__link',
  text: {
    bold: 'cb-note__bold',
    italic: 'cb-note__italic',
    underline: 'cb-note__underline',
  },
};
