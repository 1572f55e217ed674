// The fixed parts of the HTML report: its style sheet and its render check, inlined into every
// page so the file needs nothing else.
#pragma once

namespace harness::report {

// CSS: colours of lifecycle states, health marks, revisions, chart lines; system fonts only.
extern const char* const kReportStyle;

// JavaScript run when the page loads: counts the lanes and charts the browser actually laid out
// (non-empty boxes, drawn paths), checks the sections are there, and writes the result into
// #render-check (data-status="ok" or "fail", with the counts). Inside a frame it also posts the
// result to the parent page, which is how one browser launch checks many reports.
extern const char* const kRenderCheckScript;

}  // namespace harness::report
