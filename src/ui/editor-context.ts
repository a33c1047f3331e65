// The learner's editor, as the shell opens it (run.tsx); absent where there is no terminal to
// lend it (screen tests), where `edit` says so.
import { createContext } from 'react';
import type { OpenEditor } from '../console/edit-file.js';

export const EditorContext = createContext<OpenEditor | undefined>(undefined);
