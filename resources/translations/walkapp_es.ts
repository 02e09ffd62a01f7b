<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActionItemsModel</name>
    <message>
        <source>Action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionItemsPanel</name>
    <message>
        <source>Action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who will do what, by when. Open items come back at the pre-brief of this series&apos; next walk (plan it with File → Plan again…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner of the new action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new action item has a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date of the new action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items of this walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording suggestion for the action item being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action items yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type one above: what will be done, by whom and, if it helps, by when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the due date of the selected action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cell, or select it and press F2, to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this action item? It will no longer be followed up at later walks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>The automatic backup failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup failed ({0}); walkapp will try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>An unexpected error stopped the save ({0}). Your text is still here; try again, and if it keeps failing, copy it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <source>walkapp notes files (*.walknotes);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp walk kits (*.walkkit);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which walker are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk kit is for any walker on the roster. Choose your name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalibrationModel</name>
    <message>
        <source>Look-fors: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note here was changed on two laptops before they met. Double-click or press Enter to choose which version to keep in Conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same visit through different eyes. Compare how each of you described it: what did one see that another did not?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show walkers&apos; names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each walker wrote for this visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walker {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not attributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of this visit changed on two laptops: their versions are marked below. Choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk has no visits yet. Add them to the route in the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes for {0} yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardList</name>
    <message>
        <source>Open the note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show earlier text…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoicesPanel</name>
    <message>
        <source>This protocol leaves some things to you. What you choose here decides the steps of the guides, their timers and the papers of this walk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the step {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases on another day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan&apos;s choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk runs {0}, {1} in all: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosedWalkBanner</name>
    <message>
        <source>Edit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this closed walk&apos;s record for now. Every change can be undone with Edit ▸ Undo (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the walk read-only again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk is closed, and you are editing it after closing. Changes are saved as you make them; Edit ▸ Undo (Ctrl+Z) takes each one back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk is closed. What it recorded is kept as it was, so nothing here can be changed. You can still read everything and export reports.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitmentRow</name>
    <message>
        <source> (facilitator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I will try…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of {0}&apos;s “I will try” lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in one of their “I will try” lines: their reflection or their notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the proposed commitment of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it as their commitment as it stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry saving the commitment of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed from their “I will try” reflection — not saved yet. Accept it, or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested from their “I will try” notes — not saved yet. Accept it, or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No commitment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No commitment saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0} Your text is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitmentsPanel</name>
    <message>
        <source>Commitments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One thing each of us will try in our own classroom. It is about our practice, not the classrooms we visited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No walkers on the roster yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the walkers in Plan → Roster: each one&apos;s commitment is written here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictBar</name>
    <message>
        <source>Resolve in Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Conflicts view to choose which version of each note to keep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both texts stay, as separate items; neither replaces the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both versions as separate items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit into one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one text from the versions; it replaces them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the versions into one text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version is below. Edit them into the one text you want to keep, then save: it replaces the versions on every laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text edited into one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the edited text as the one version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop editing and drop the edited text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflict was settled meanwhile (on another screen or by an import), so this text can no longer be saved here. Copy what you need, then choose Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on two laptops before they were brought together. Choose the version to keep, keep both, or edit them into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on {0} laptops before they were brought together. Choose the version to keep, or edit them into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep that one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is empty. Write the one version to keep, or choose Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was changed on two laptops before they met. Nothing is lost: choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1} versions, by {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. When the same note, reflection, commitment or feedback answer is changed on two laptops, both versions appear here for you to choose from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the chosen version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: both versions are kept, as separate items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the versions are now one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choice was not saved: the line below says why. Choose again, or Retry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of planned time used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the planned {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>walkapp ran into a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside walkapp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a fault in walkapp, not something you did. What you were doing just then may not have finished, but walkapp is still running and you can carry on.

Text you typed is kept where you typed it: notes and reflections are saved as you type, and this problem does not stop that. If a note does not say “Saved” within a few seconds, copy its text somewhere safe before you close walkapp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the details are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the details to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder with walkapp&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are saved in walkapp&apos;s log: {0}. If this keeps happening, send them to whoever looks after walkapp for you (“Copy details” puts them on the clipboard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details could not be saved in walkapp&apos;s log ({0}). Use “Copy details” to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log folder could not be opened from here; it is {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date, e.g. {0}, {1} or {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick {0} from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueDateDelegate</name>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language nudge or the name caution fired on this note: it is held back from the record. Press Enter or double-click to rewrite it, keep it, or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside: kept in the walk, never in a record. Press Enter or double-click to put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: this note was changed on two laptops before they met. Press Enter or double-click to choose which to keep in Conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The facilitator changed this note; the walker&apos;s own text is kept. Press the menu key or right-click, or use “Show earlier text…”, to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is long; it is shortened here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceWall</name>
    <message>
        <source>Evidence wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every note from the walk. Read what was seen and heard before talking about what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group notes by look-for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group notes by stem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group notes by visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answers to the visit&apos;s questions, question by question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes (words, look-fors, visit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show who wrote each note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes, grouped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show earlier text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the earlier text of the selected note: the walker&apos;s own words, kept when the facilitator changed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected note: its whole text, its history, and rewrite, set aside or keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No look-for tagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not from a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed visit (was visit {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited by the facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside — not in the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted across the whole walk, never per visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} match “{2}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} from {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet
Notes taken during the visits appear here, and so do notes imported from walkers&apos; files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No note matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} changed on two laptops: their versions are marked below. Choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print clock times, starting at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print clock times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the saved report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop making the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the held-back notes on the evidence wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the post-brief&apos;s evidence wall to keep, rewrite or set aside the notes held back from the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the report first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. The report was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Open the walk&apos;s Post-brief → Evidence wall to keep or rewrite them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be made because of an unexpected problem ({0}). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program to show PDF files was found. The report is saved at {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait: the report is still being saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Session feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few quick questions about this session. Answers are anonymous unless you choose to add your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send these answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answers collected so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers collected so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers are hidden while people are still answering, in case this screen is shared. They never show who wrote what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers so far: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable: {0} (not in the average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, average {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send yet: answer at least one question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not all answers were saved: {0} The answers not saved are still in the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you — your answers are saved. The form is ready for the next person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideLink</name>
    <message>
        <source>Learn more in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the guide: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Guide to learning walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import notes files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was stopped before it reported back. Nothing was half-imported: the files are as they were, and you can import them again at any time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {0} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {0} of {1}: {2}{3}; {4} not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to each file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn more: walk kits out, notes files back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: {0} — {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict means the same item was changed on two laptops. Both versions are kept side by side, the second marked as a conflict, for you to resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the database from before the import was saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>New {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected {0} up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected {0} down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Taking notes (Observation, and a walker&apos;s notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-brief and post-brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause the visit countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this note and start the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stem (I noticed, I wonder, …), in the protocol&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag or untag a look-for, by its number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one to a tally, or start or stop its timer: the key on its button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next turn (a step where each walker speaks in turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the running step, from a step you look ahead at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a note&apos;s rewrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected walkers in a group (Roster and groups)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KitExportController</name>
    <message>
        <source>any walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save walk kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk kit for {0} was saved to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save notes file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s notes were saved to {1}. Give this file to the facilitator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryWelcome</name>
    <message>
        <source>Welcome to walkapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning walks: short visits to each other&apos;s classrooms, to learn something for your own teaching. How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the guide to learning walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the guide to learning walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m leading a walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a walk for your group: its focus, look-fors, visits and walkers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m a walker with a kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the walk kit file your facilitator handed you, here on your own laptop. No network is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me the sample walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finished walk with notes, to see every page filled in. Delete it whenever you like.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookForsPanel</name>
    <message>
        <source>Look-fors are the few things everyone watches for in every room. Keep them observable: what students or adults say and do. Choose one to write what it looks like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it looks like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the look-for looks like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the group would see or hear, e.g. Students give a reason, often with “because”; they answer each other, not only the teacher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a look-for, e.g. Students explain why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this look-for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it looks like: choose a look-for above to describe it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What “{0}” looks like</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Learning walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where walkapp keeps its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk was not copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next walk was not planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk was not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “{0}” ({1}) to the Trash? It disappears from the list of walks and reports at once, and is removed for good after {2} days; until then you can restore it from the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash — Learning walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database… (another program is using it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About walkapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp {0}

Run learning walks that improve the walkers&apos; own practice.
Everything stays on this computer; nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the next walk of this walk&apos;s series (same group, protocol and look-fors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the &amp;sample walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import walkers&apos; notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a walk &amp;kit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;notes file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a walk kit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All &amp;walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide to learning walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About walkapp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Protect the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files on USB sticks get lost. To protect this one, choose a passphrase of at least {0} characters (a few words you can say aloud work well) and tell it to the other person face to face. Leave both boxes empty to save without protection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passphrase needs at least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase again below, to be sure of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again, or tick Show to see what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save without a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save protected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewWalkDialog</name>
    <message>
        <source>New walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Student talk in maths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This protocol is written in more than one language; the walk uses the one chosen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-for set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional now; agreed in the pre-brief.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus or problem of practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits are numbered; rooms can be added later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None — we will write our own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the walk a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextStepsPanel</name>
    <message>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens after today, in order: what we share, when we walk again, what we look for next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A next step, e.g. “Share the sentence strips at the next staff meeting”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this next step? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormsPanel</name>
    <message>
        <source>Norms keep the walk safe. Read them together, change what the group wants changed, and tick each one the group agrees to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a norm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteCardDialog</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The texts this note has shown, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the note&apos;s history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: no earlier text — nobody but its writer has changed this note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rewrite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite the note in your words; the walker&apos;s words stay in its history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the note aside: kept in the walk, never in a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep in the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the flagged note in the record as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the note back: undo the decision made on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the rewrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rewrite (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the rewrite (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this wording is flagged: saved, it goes to the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewriting: type the note in descriptive words. The walker&apos;s words stay in the note&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside: kept in the walk, never in a record. Put it back to bring it into the wall again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged, and kept in the record by the facilitator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it may name someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sounds like a judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged — {0}. Held back from the record until you rewrite it, keep it as it is, or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewritten by the facilitator; in the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown now — written by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note&apos;s history could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rewritten note needs some words. To leave it out of the record, cancel and set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Look-fors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as the facilitator&apos;s version. The walker&apos;s text is kept in the note&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note  {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this note and start the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} next note · {1} stem · {2} look-for · {3} next visit · {4} visit timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-for tag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}   (Ctrl+Enter starts the next note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note was changed on another laptop while it was open here; your text was kept as a separate note, next to the other version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteHistoryDialog</name>
    <message>
        <source>Earlier text of this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the facilitator changes a walker&apos;s note, the walker&apos;s own words are kept here. Oldest first; the text shown now is last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The texts this note has shown, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the note&apos;s history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed by {0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note&apos;s history could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteTaker</name>
    <message>
        <source>Whose notes these are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take your own notes, or type up a paper note-catcher for a walker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add people to the roster (Plan → Roster and groups) to take notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose notes to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show everyone&apos;s notes of this visit, only yours, or one walker&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show who wrote each note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes in this visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet in this visit.
Type in the box to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another person&apos;s note: read-only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To change it, choose their name under “Write as”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected note (Delete key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show earlier text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the earlier text of the selected note: the walker&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone&apos;s notes in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s notes in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited by the facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone not on the roster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nudge</name>
    <message>
        <source>There is no word list for this walk&apos;s language (“{0}”): wording suggestions are in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording suggestion for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” may be a person&apos;s name. Notes travel between laptops: describe the student instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” says how it went. What did you see or hear that made it so?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” sounds like a judgement. Describe what you saw or heard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” may be a name — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>describe the student instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say what you saw that made it work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” sounds like a judgement — try: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I noticed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(+{0} more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationScreen</name>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk has no visits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the route of visits when planning the walk; then notes can be taken here, one visit at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the note could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note is not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note you are typing could not be saved: {0}

Close anyway and lose it? Choose Cancel, copy the text somewhere safe, or try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and lose it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not deleted: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenKitController</name>
    <message>
        <source>Open walk kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the walk kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” {1} on this laptop for {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk kit opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the walk kit…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpeningScreen</name>
    <message>
        <source>← All walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop opening the walk and go back to all walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the walk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpeningText</name>
    <message>
        <source>The walk could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>As {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No focus written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No norms recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No look-fors agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in each room, {1} of corridor talk between rooms and after the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in each room, {1} of corridor talk between rooms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route of visits is not planned yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerDelegate</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Start the pre-brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the post-brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the pre-brief at its first step; its timer starts when you press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the observation: the visits and the note-taker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the post-brief at its first step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the debrief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the debrief report as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all walks. Everything is saved; the walk can be opened again at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title, date, focus, look-fors, norms, roster and route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocol&apos;s opening steps, each with a timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The observation steps, visits with a countdown, and the note-taker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The observation steps, each with a timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence, patterns, commitments and next steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debrief report, agenda, note-catcher and more, as PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk&apos;s focus, norms and look-fors, and your own notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passphrase does not open “{0}”. Check it with the person who made the file (capitals count) and type it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is protected with a passphrase. Type it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatternsPanel</name>
    <message>
        <source>Patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the stages in order, one at a time. Leave judgements out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A statement for “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept from earlier under a stage this protocol does not use ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a statement and choose Edit to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this statement? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanAgainDialog</name>
    <message>
        <source>Plan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next walk of the series “{0}”: walk {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the next walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the next walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit the same rooms again ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the route of visits too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default: a series learns more from rooms it has not seen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stays behind: notes, reflections, commitments, answers, patterns, next steps and feedback. Open commitments and action items come back for review in the next walk&apos;s pre-brief.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the next walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (to agree again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}-minute visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the privacy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes along: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the next walk a title.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Parts of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostBrief</name>
    <message>
        <source>I noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I wonder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I will try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next level of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try loading again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load this part of the post-brief: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostBriefWorkspace</name>
    <message>
        <source>Evidence wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-brief sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of walkapp&apos;s screens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp starts in this language. A language given with --lang on the command line comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next time walkapp starts. Everything you typed stays as you wrote it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewBar</name>
    <message>
        <source>Start this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start this step now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the running step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptInput</name>
    <message>
        <source>One item per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtocolsMenu</name>
    <message>
        <source>&amp;Import a protocol file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy a protocol to adapt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;my protocols folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check my protocol files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a protocol file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol files (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocol was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is in your library; choose it when you start a new walk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which protocol do you want to adapt? The copy goes into your own protocols folder, where any text editor can change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocol was not copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” was saved as {1}. Edit it in a text editor; walkapp checks it the next time it starts or you choose Protocols → Check my protocol files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some protocol files were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {0} protocols in the library are fine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>How useful was this walk for your own teaching?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very much</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helped you learn today, and should stay next time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What one change would make the next walk better for you?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingScale</name>
    <message>
        <source>Press {0} to choose this point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: not applicable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionEditor</name>
    <message>
        <source>Write for yourself; this stays with you until you hand your notes back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reflections</name>
    <message>
        <source>I will try…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you notice about your own practice?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What question will you take back to your own classroom?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionsPanel</name>
    <message>
        <source>Your reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few minutes for yourself: what did today&apos;s visits show you about your own teaching?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <source>Save the report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>No notes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The debrief report is made of the walkers&apos; notes. Take notes on the Observation page, or import the walkers&apos; notes files (File ▸ Import walkers&apos; notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn more: walkers&apos; laptops and notes files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports are PDF files made on this computer. Teacher names appear only if the walk records them (Plan → Details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the {0} as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the next walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the next walk of this series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same group, protocol, look-fors and norms, a new date. Open commitments and action items come back for review at its pre-brief.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Resume</name>
    <message>
        <source>walkapp did not close properly last time. Everything that was shown as “Saved” is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp did not close properly last time. Your notes are safe up to {0}, the last one saved. If you were typing after that, check that note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I will try…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open commitments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We tried it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark commitment as tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let it go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark commitment as dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark action item done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note progress, keep it open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This walk is not part of a series, so nothing carries over from other walks. To bring a group&apos;s open commitments and action items to its next walk, plan that walk with “Plan again…” (in the File menu or the list of walks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first walk of the series “{0}”: nothing to carry over yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the earlier walks of the series “{0}” (this is walk {1} of {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitments from earlier walks ({0} open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitments from earlier walks: none open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items from earlier walks ({0} open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action items from earlier walks: none open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a commitment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an action item first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleScripts</name>
    <message>
        <source>What each role does in this step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesBox</name>
    <message>
        <source>Given to walkers at planning; each is asked: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given to walkers at planning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their laptop shows them: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <source>Small groups of {0} let everyone speak. Names stay on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles in this protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walker&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New walker&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected walkers in a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several walkers (Shift+arrows or Ctrl+click), then put them all in one group. Shortcut: Ctrl+G.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name, e.g. Group B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this protocol suggests groups of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in one group: this protocol suggests groups of {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add groups to split them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to {1} walkers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the walkers first: click one, then Shift+click or Ctrl+click the others (or Shift+arrows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a group first: type its name below the table and press Add group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put {0} in which group?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterRoles</name>
    <message>
        <source>Protocol role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roles of this protocol that walkers take on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This role asks for no detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one has the role {0} yet, and the protocol&apos;s steps give it things to do. Choose someone under Protocol role, or share it out on the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one has the roles {0} yet, and the protocol&apos;s steps give them things to do. Choose someone for each under Protocol role, or share them out on the day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>Visits are numbered, not named. Room, grade and subject help the group find its way; all are optional. Type into the table as into a spreadsheet: Tab moves along, Enter moves down, Tab from the last cell adds a visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route of visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of visits to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected visit earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move selected visit later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this visit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleText</name>
    <message>
        <source>Creating the sample walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample walk is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample walk was not created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>Save status: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry saving: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to save this text again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesFilter</name>
    <message>
        <source>Show the walks of one series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any series</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The menus&apos; shortcuts work anywhere in the window; the pages&apos; keys work on their page. Open this sheet with F1 or ? (not while typing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideCard</name>
    <message>
        <source>Changed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · shown in lists now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the other laptop. Keep this one to delete it here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted by {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version by {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>walkapp cannot read its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp checked its database in the background and found damage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring or starting empty first closes this window (what you typed is saved), then opens it again. If you quit, walkapp asks again when it next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp cannot use its data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp&apos;s data folder may not be safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp&apos;s database is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp cannot open its database as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit and leave everything as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp&apos;s database is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp&apos;s database cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp&apos;s database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp cannot open its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp cannot create its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup could be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp recovered its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup made {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started with an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged file is kept, untouched, as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementList</name>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected item of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected item of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stem</name>
    <message>
        <source>I noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I wonder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I will try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I noticed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I wonder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I will try…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question I have…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StemPicker</name>
    <message>
        <source>Stem: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is “{0}” ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StemsPanel</name>
    <message>
        <source>Start every note with one of these stems. In the note-taker, Ctrl+1 to Ctrl+{0} pick them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every note with this stem. In the note-taker, Ctrl+1 picks it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepActions</name>
    <message>
        <source>Waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase: {0} of {1} planned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepBody</name>
    <message>
        <source>Hide the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the script</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepGuide</name>
    <message>
        <source>Time for this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No set time for this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the step&apos;s script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause the step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this step one more minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the step&apos;s action again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}{1}
{2} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · step {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every step of this phase has been run. Choose what comes next below; Back reopens the last step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase: {0} of {1} planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · step {1} of {2} · preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a step of the protocol: open it whenever the group needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is running, {1} left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is running, {1} over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is paused, {1} left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the running step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the end of the phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is running yet; the first step to run is {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are preparing this step; its timer has not started. {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps of this phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a step (or use the arrow keys and Enter) to prepare it: its script and prompts show without starting its timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a step of the protocol: open it at any time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepWords</name>
    <message>
        <source>Show or hide the script of “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script of “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TallyPanel</name>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (key {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop the timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take one away from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take one away (a tap made by mistake)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counts could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count was not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TallySummaryBox</name>
    <message>
        <source>Counts across the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: not kept in any visit yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} in all, kept by {2} in {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; per visit: least {0}, median {1}, most {2}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextDelegate</name>
    <message>
        <source>Action item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashControls</name>
    <message>
        <source>&amp;Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk “{0}” moved to the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is back among your walks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk was not brought back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashRemoval</name>
    <message>
        <source>Removing for good, and from the backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some backups still hold the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unexpected error stopped the removal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed for good on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted walks wait here for {0} days, then they are removed for good — from this laptop&apos;s database and from its backups. Restore brings a walk back as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walks in the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the Trash did last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected walk for good now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every walk in the Trash for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is back among your walks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walk was not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{0}” ({1}) for good — its notes, commitments and action items, from this laptop&apos;s database and from every backup? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0} in the Trash for good — their notes, commitments and action items, from this laptop&apos;s database and from every backup? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {0} walks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnsBar</name>
    <message>
        <source>Time for this turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next turn  {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected error ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance (set by WALKAPP_COLOR_SCHEME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text on the pre-brief and post-brief, to read on a projector (Esc to leave)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Questions for this visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the visit&apos;s questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitHeader</name>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous visit ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause the visit countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the room ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the last room: corridor talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause  {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume  {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start visit  {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkDetailsPanel</name>
    <message>
        <source>Walk title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question the group is curious about, e.g. How do students explain their thinking to each other?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus or problem of practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes in each room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes of corridor talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record teacher names for visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. When on, a teacher name can be added to each visit; it appears in reports only while this stays on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name walkers beside their commitments in the debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. When on, the debrief shows who made each commitment; when off, commitments are listed without names, in no particular order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign thank-you notes with the walkers&apos; names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default: thank-you notes are signed by the group as a whole, with no names. When on, each note is signed with the names of the walkers on this walk&apos;s roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include room, grade and subject in records (debrief, thank-you notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. The agenda, note-catcher and walk kits always show the route&apos;s rooms; records kept after the walk leave them out unless this is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose laptop this is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the walk&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corridor talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree on one focus for the whole walk. Everyone will look for evidence of it in every room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The facilitator (all walkers&apos; notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walker: {0} (own notes only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkFiles</name>
    <message>
        <source>No walkers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add walkers to the roster first (Plan → Roster and groups).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which walker?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is this file for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any walker (they pick their name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkMenu</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as a new walk (not in a series)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the walks of “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkWorkspace</name>
    <message>
        <source>← All walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some notes (or reflections, commitments, feedback) were changed on two laptops. Open the post-brief&apos;s Conflicts panel to choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: open the Conflicts panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of what is typed in this walk is not saved: a save failed (the page says why), or text is still waiting to be added. Close the walk anyway and lose it? Choose Cancel to stay and keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkerHome</name>
    <message>
        <source>{0} — your walk: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your own notes and reflections are on this laptop. They stay here until you hand them back to the facilitator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walker sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections: the walk, my notes, my reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;The walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide what to do now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do now: take notes in each visit (My notes). When the walk is over, choose File ▸ Save a notes file and hand that file back to the facilitator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkerWords</name>
    <message>
        <source>(offered as the commitment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their reflections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflections of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalksLibrary</name>
    <message>
        <source>Walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, focus and schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show walks by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the walks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New walk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open selected walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the next walk of the selected walk&apos;s series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next walk of this series: the same protocol, roster, look-fors and norms, a new date — none of the notes. Open commitments and action items come back for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete selected walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Trash of deleted walks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the delete: bring the walk back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walks could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No walk matches your search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk “{0}” moved to the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalksTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk {0} of {1} in the series “{2}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to resolve: open the walk, then the post-brief&apos;s Conflicts tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallDecisions</name>
    <message>
        <source>{0} flagged and {1} set aside: {2} not going to the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a flagged note (Enter) to rewrite it, keep it in the record, or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallQuestions</name>
    <message>
        <source>{0} to {1}. Choices and ticks are counted for the walk as a whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet
What walkers answer to the visit&apos;s questions appears here, question by question.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WriteNotice</name>
    <message>
        <source>Save status: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the change that was not saved again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YourRole</name>
    <message>
        <source>Your role: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(All of it is under The walk.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Background</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before it finished: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walkapp hit an unexpected problem and changed nothing. Please report it with these details:

{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
