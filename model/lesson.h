#pragma once
// Lessons as data: one chapter per file (format "failover-lab-lesson"), with a Markdown body,
// the scenarios it runs, "try this" steps whose expectations the model checks, takeaways, a
// glossary, interview notes and instructor walkthroughs. Field reference: lessons/LESSON_FORMAT.md.
//
// The parts, by job: lesson_types.h (what a lesson holds), lesson_loader.h (reading a lesson
// file), lesson_applier.h (its actions applied to a scenario), lesson_grader.h (its expectations
// checked against runs) and lesson_text.h (the figures its text quotes). The course and the
// learner's progress through it are course.h and progress.h.

#include "lesson_applier.h"
#include "lesson_grader.h"
#include "lesson_loader.h"
#include "lesson_types.h"
