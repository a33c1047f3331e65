// Whose worlds the tutorial builds: a workshop's learner with a seed of their own (`--seed`), or
// the lessons' own worlds. Provided by the shell (run.tsx), read where a step's world starts.
import { createContext } from 'react';
import { COURSE_LEARNER, type Learner } from '../lessons/learner.js';

export const LearnerContext = createContext<Learner>(COURSE_LEARNER);
