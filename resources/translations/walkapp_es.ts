<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActionItemsModel</name>
    <message>
        <source>Action item</source>
        <translation>Acción acordada</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>sin responsable</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
</context>
<context>
    <name>ActionItemsPanel</name>
    <message>
        <source>Action items</source>
        <translation>Acciones acordadas</translation>
    </message>
    <message>
        <source>Who will do what, by when. Open items come back at the pre-brief of this series&apos; next walk (plan it with File → Plan again…).</source>
        <translation>Quién hará qué y para cuándo. Las acciones abiertas vuelven en la sesión previa del próximo recorrido de esta serie (planifícalo con Archivo → Planificar de nuevo…).</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Nueva acción acordada</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Owner of the new action item</source>
        <translation>Responsable de la nueva acción acordada</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>The new action item has a due date</source>
        <translation>La nueva acción acordada tiene fecha límite</translation>
    </message>
    <message>
        <source>Due date of the new action item</source>
        <translation>Fecha límite de la nueva acción acordada</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add the action item</source>
        <translation>Añadir la acción acordada</translation>
    </message>
    <message>
        <source>Action items of this walk</source>
        <translation>Acciones acordadas de este recorrido</translation>
    </message>
    <message>
        <source>Wording suggestion for the action item being edited</source>
        <translation>Sugerencia de redacción para la acción acordada que se está editando</translation>
    </message>
    <message>
        <source>No action items yet</source>
        <translation>Aún no hay acciones acordadas</translation>
    </message>
    <message>
        <source>Type one above: what will be done, by whom and, if it helps, by when.</source>
        <translation>Escribe una arriba: qué se hará, quién lo hará y, si ayuda, para cuándo.</translation>
    </message>
    <message>
        <source>Remove due date</source>
        <translation>Quitar la fecha límite</translation>
    </message>
    <message>
        <source>Remove the due date of the selected action item</source>
        <translation>Quitar la fecha límite de la acción acordada seleccionada</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected action item</source>
        <translation>Eliminar la acción acordada seleccionada</translation>
    </message>
    <message>
        <source>Double-click a cell, or select it and press F2, to change it.</source>
        <translation>Haz doble clic en una celda, o selecciónala y pulsa F2, para cambiarla.</translation>
    </message>
    <message>
        <source>Save to calendar…</source>
        <translation>Guardar en el calendario…</translation>
    </message>
    <message>
        <source>Save the due dates of this series&apos; open action items to a calendar file</source>
        <translation>Guardar los plazos de las acciones acordadas pendientes de esta serie en un archivo de calendario</translation>
    </message>
    <message>
        <source>A calendar file (.ics) with one all-day event per open action item that has a due date, from this walk and the earlier walks of its series.</source>
        <translation>Un archivo de calendario (.ics) con un evento de todo el día por cada acción acordada pendiente que tenga plazo, de este recorrido y de los recorridos anteriores de su serie.</translation>
    </message>
    <message>
        <source>Delete action item</source>
        <translation>Eliminar la acción acordada</translation>
    </message>
    <message>
        <source>Delete this action item? It will no longer be followed up at later walks.</source>
        <translation>¿Eliminar esta acción acordada? Ya no se le dará seguimiento en los próximos recorridos.</translation>
    </message>
</context>
<context>
    <name>Asking</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>The automatic backup failed: {0}</source>
        <translation>La copia de seguridad automática falló: {0}</translation>
    </message>
    <message>
        <source>The automatic backup failed ({0}); walkapp will try again in a few minutes.</source>
        <translation>La copia de seguridad automática falló ({0}); walkapp lo intentará de nuevo en unos minutos.</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>An unexpected error stopped the save ({0}). Your text is still here; try again, and if it keeps failing, copy it somewhere safe.</source>
        <translation>Un error inesperado detuvo el guardado ({0}). Tu texto sigue aquí; inténtalo de nuevo y, si sigue fallando, cópialo en un lugar seguro.</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <source>walkapp notes files (*.walknotes);;All files (*)</source>
        <translation>Archivos de notas de walkapp (*.walknotes);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>walkapp walk kits (*.walkkit);;All files (*)</source>
        <translation>Paquetes del recorrido de walkapp (*.walkkit);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Which walker are you?</source>
        <translation>¿Qué participante eres?</translation>
    </message>
    <message>
        <source>This walk kit is for any walker on the roster. Choose your name:</source>
        <translation>Este paquete del recorrido sirve para cualquier participante de la lista. Elige tu nombre:</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Save to calendar</source>
        <translation>Guardar en el calendario</translation>
    </message>
    <message>
        <source>action-items</source>
        <translation>acciones-acordadas</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Saved {0} to {1}. Import the file into your calendar program; importing a newer one moves the events.</source>
        <translation>Se guardaron {0} en {1}. Importa el archivo en tu programa de calendario; al importar uno más reciente, los eventos se mueven.</translation>
    </message>
    <message>
        <source>The calendar file was not saved</source>
        <translation>El archivo de calendario no se guardó</translation>
    </message>
</context>
<context>
    <name>CalibrationModel</name>
    <message>
        <source>Look-fors: {0}</source>
        <translation>Focos de observación: {0}</translation>
    </message>
    <message>
        <source>A note here was changed on two laptops before they met. Double-click or press Enter to choose which version to keep in Conflicts.</source>
        <translation>Una nota de aquí se cambió en dos portátiles antes de juntarlos. Haz doble clic o pulsa Intro para elegir en Conflictos qué versión conservar.</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>nada escrito</translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>The same visit through different eyes. Compare how each of you described it: what did one see that another did not?</source>
        <translation>La misma visita vista con ojos distintos. Comparad cómo la describió cada uno: ¿qué vio alguien que otro no vio?</translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation>Visita:</translation>
    </message>
    <message>
        <source>Visit to compare</source>
        <translation>Visita que comparar</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>Visita anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Visita siguiente</translation>
    </message>
    <message>
        <source>Show walkers&apos; names</source>
        <translation>Mostrar los nombres de los participantes</translation>
    </message>
    <message>
        <source>What each walker wrote for this visit</source>
        <translation>Lo que escribió cada participante sobre esta visita</translation>
    </message>
    <message>
        <source>Walker {0}</source>
        <translation>Participante {0}</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador</translation>
    </message>
    <message>
        <source>Not attributed</source>
        <translation>Sin autor</translation>
    </message>
    <message>
        <source>{0} versions</source>
        <translation>{0} versiones</translation>
    </message>
    <message>
        <source>{0} of this visit changed on two laptops: their versions are marked below. Choose what to keep.</source>
        <translation>{0} de esta visita se cambiaron en dos portátiles: sus versiones están marcadas abajo. Elige qué conservar.</translation>
    </message>
    <message>
        <source>This walk has no visits yet. Add them to the route in the plan.</source>
        <translation>Este recorrido aún no tiene visitas. Añádelas a la ruta en el plan.</translation>
    </message>
    <message>
        <source>No notes for {0} yet.</source>
        <translation>Aún no hay notas de {0}.</translation>
    </message>
</context>
<context>
    <name>CardList</name>
    <message>
        <source>Open the note…</source>
        <translation>Abrir la nota…</translation>
    </message>
    <message>
        <source>Show earlier text…</source>
        <translation>Mostrar el texto anterior…</translation>
    </message>
</context>
<context>
    <name>ChoicesPanel</name>
    <message>
        <source>This protocol leaves some things to you. What you choose here decides the steps of the guides, their timers and the papers of this walk.</source>
        <translation>Este protocolo deja algunas decisiones en tus manos. Lo que elijas aquí decide los pasos de las guías, sus temporizadores y los documentos de este recorrido.</translation>
    </message>
    <message>
        <source>Optional steps</source>
        <translation>Pasos opcionales</translation>
    </message>
    <message>
        <source>{0} · {1} ({2})</source>
        <translation>{0} · {1} ({2})</translation>
    </message>
    <message>
        <source>Run the step {0}</source>
        <translation>Hacer el paso {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Phases on another day</source>
        <translation>Fases en otro día</translation>
    </message>
    <message>
        <source>Date of the {0}</source>
        <translation>Fecha de {0}</translation>
    </message>
    <message>
        <source>{0} on</source>
        <translation>{0}, el día</translation>
    </message>
    <message>
        <source>the plan&apos;s choices</source>
        <translation>las opciones del plan</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>This walk runs {0}, {1} in all: {2}.</source>
        <translation>Este recorrido ocupa {0}, {1} en total: {2}.</translation>
    </message>
</context>
<context>
    <name>ClosedWalkBanner</name>
    <message>
        <source>Edit anyway</source>
        <translation>Editar de todos modos</translation>
    </message>
    <message>
        <source>Change this closed walk&apos;s record for now. Every change can be undone with Edit ▸ Undo ({0}).</source>
        <translation>Cambia por ahora el registro de este recorrido cerrado. Cada cambio se puede deshacer con Edición ▸ Deshacer ({0}).</translation>
    </message>
    <message>
        <source>Done editing</source>
        <translation>Terminar de editar</translation>
    </message>
    <message>
        <source>Make the walk read-only again.</source>
        <translation>Volver a dejar el recorrido como solo lectura.</translation>
    </message>
    <message>
        <source>This walk is closed</source>
        <translation>Este recorrido está cerrado</translation>
    </message>
    <message>
        <source>This walk is closed, and you are editing it after closing. Changes are saved as you make them; Edit ▸ Undo ({0}) takes each one back.</source>
        <translation>Este recorrido está cerrado y lo estás editando después de cerrarlo. Los cambios se guardan a medida que los haces; Edición ▸ Deshacer ({0}) revierte cada uno.</translation>
    </message>
    <message>
        <source>This walk is closed. What it recorded is kept as it was, so nothing here can be changed. You can still read everything and export reports.</source>
        <translation>Este recorrido está cerrado. Lo que registró se conserva tal cual, así que aquí no se puede cambiar nada. Aun así puedes leerlo todo y exportar informes.</translation>
    </message>
</context>
<context>
    <name>CommitmentRow</name>
    <message>
        <source> (facilitator)</source>
        <translation> (facilitador)</translation>
    </message>
    <message>
        <source>I will try…</source>
        <translation>Voy a probar…</translation>
    </message>
    <message>
        <source>Commitment of {0}</source>
        <translation>Compromiso de {0}</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Sus palabras</translation>
    </message>
    <message>
        <source>Use one of {0}&apos;s “I will try” lines</source>
        <translation>Usar una de las frases «Voy a probar» de {0}</translation>
    </message>
    <message>
        <source>Fill in one of their “I will try” lines: their reflection or their notes</source>
        <translation>Rellenar con una de sus frases «Voy a probar»: de su reflexión o de sus notas</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Accept the proposed commitment of {0}</source>
        <translation>Aceptar el compromiso propuesto de {0}</translation>
    </message>
    <message>
        <source>Save it as their commitment as it stands</source>
        <translation>Guardarlo tal cual como su compromiso</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry saving the commitment of {0}</source>
        <translation>Reintentar guardar el compromiso de {0}</translation>
    </message>
    <message>
        <source>Reflection: {0}</source>
        <translation>Reflexión: {0}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Nota: {0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Proposed from their “I will try” reflection — not saved yet. Accept it, or change it.</source>
        <translation>Propuesto a partir de su reflexión «Voy a probar»; aún no está guardado. Acéptalo o cámbialo.</translation>
    </message>
    <message>
        <source>Suggested from their “I will try” notes — not saved yet. Accept it, or change it.</source>
        <translation>Sugerido a partir de sus notas «Voy a probar»; aún no está guardado. Acéptalo o cámbialo.</translation>
    </message>
    <message>
        <source>No commitment yet.</source>
        <translation>Aún no hay compromiso.</translation>
    </message>
    <message>
        <source>Not saved yet…</source>
        <translation>Aún sin guardar…</translation>
    </message>
    <message>
        <source>No commitment saved.</source>
        <translation>No hay ningún compromiso guardado.</translation>
    </message>
    <message>
        <source>Not saved: {0} Your text is still here.</source>
        <translation>No se guardó: {0} Tu texto sigue aquí.</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>Esperando a la base de datos…</translation>
    </message>
</context>
<context>
    <name>CommitmentsPanel</name>
    <message>
        <source>Commitments</source>
        <translation>Compromisos</translation>
    </message>
    <message>
        <source>One thing each of us will try in our own classroom. It is about our practice, not the classrooms we visited.</source>
        <translation>Una cosa que cada uno de nosotros probará en su propia aula. Trata de nuestra práctica, no de las aulas que visitamos.</translation>
    </message>
    <message>
        <source>No walkers on the roster yet.</source>
        <translation>Aún no hay participantes en la lista.</translation>
    </message>
    <message>
        <source>Add the walkers in Plan → Roster: each one&apos;s commitment is written here.</source>
        <translation>Añade a los participantes en Plan → Lista: aquí se escribe el compromiso de cada uno.</translation>
    </message>
</context>
<context>
    <name>CommunicationLogView</name>
    <message>
        <source>Communication log</source>
        <translation>Registro de comunicación</translation>
    </message>
    <message>
        <source>Your notes of meetings, messages and other exchanges with teachers. They stay on this laptop: no walk kit, notes file or data export carries them; a portfolio carries only the entries you choose, with names replaced unless you say otherwise.</source>
        <translation>Tus notas de reuniones, mensajes y otros intercambios con docentes. Se quedan en este portátil: ningún paquete del recorrido, archivo de notas ni exportación de datos las lleva; un portafolio lleva solo las entradas que elijas, con los nombres sustituidos salvo que digas lo contrario.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Show the entries about</source>
        <translation>Mostrar las entradas sobre</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Show every entry</source>
        <translation>Mostrar todas las entradas</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Entradas del registro</translation>
    </message>
    <message>
        <source>No entries yet</source>
        <translation>Aún no hay entradas</translation>
    </message>
    <message>
        <source>Write down a meeting, a message or a note: what was said or agreed, with whom, and the walk it is about.</source>
        <translation>Anota una reunión, un mensaje o una nota: qué se dijo o se acordó, con quién y el recorrido del que trata.</translation>
    </message>
    <message>
        <source>No entries here</source>
        <translation>No hay entradas aquí</translation>
    </message>
    <message>
        <source>No entry matches the period and the walk chosen.</source>
        <translation>Ninguna entrada coincide con el periodo y el recorrido elegidos.</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>Tipo de entrada</translation>
    </message>
    <message>
        <source>Date of the entry</source>
        <translation>Fecha de la entrada</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>e.g. the Year 4 team</source>
        <translation>p. ej., el equipo de 4.º</translation>
    </message>
    <message>
        <source>The walk it is about</source>
        <translation>El recorrido del que trata</translation>
    </message>
    <message>
        <source>What was said or agreed</source>
        <translation>Qué se dijo o se acordó</translation>
    </message>
    <message>
        <source>What was said or agreed, and what happens next</source>
        <translation>Qué se dijo o se acordó, y qué sigue</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;With whom</source>
        <translation>&amp;Con quién</translation>
    </message>
    <message>
        <source>&amp;About the walk</source>
        <translation>Sobre el &amp;recorrido</translation>
    </message>
    <message>
        <source>&amp;What was said</source>
        <translation>&amp;Qué se dijo</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Entrada nueva</translation>
    </message>
    <message>
        <source>What the log did last</source>
        <translation>Lo último que hizo el registro</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Nueva entrada</translation>
    </message>
    <message>
        <source>&amp;Save entry</source>
        <translation>&amp;Guardar entrada</translation>
    </message>
    <message>
        <source>De&amp;lete entry</source>
        <translation>&amp;Borrar entrada</translation>
    </message>
    <message>
        <source>Delete the selected entry</source>
        <translation>Borrar la entrada elegida</translation>
    </message>
    <message>
        <source>Back to the walks</source>
        <translation>Volver a los recorridos</translation>
    </message>
    <message>
        <source>Export &amp;portfolio…</source>
        <translation>Exportar &amp;portafolio…</translation>
    </message>
    <message>
        <source>All walks and none</source>
        <translation>Con recorrido o sin él</translation>
    </message>
    <message>
        <source>No walk</source>
        <translation>Ningún recorrido</translation>
    </message>
    <message>
        <source>Entry of {0}</source>
        <translation>Entrada del {0}</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>&amp;Añadir entrada</translation>
    </message>
    <message>
        <source>Give the entry a date.</source>
        <translation>Ponle una fecha a la entrada.</translation>
    </message>
    <message>
        <source>Entry added.</source>
        <translation>Entrada añadida.</translation>
    </message>
    <message>
        <source>Entry saved.</source>
        <translation>Entrada guardada.</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Borrar entrada</translation>
    </message>
    <message>
        <source>Delete this entry of your communication log? Edit ▸ Undo brings it back.</source>
        <translation>¿Borrar esta entrada de tu registro de comunicación? Editar ▸ Deshacer la recupera.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Entry deleted. Edit ▸ Undo brings it back.</source>
        <translation>Entrada borrada. Editar ▸ Deshacer la recupera.</translation>
    </message>
</context>
<context>
    <name>ConflictBar</name>
    <message>
        <source>Resolve in Conflicts…</source>
        <translation>Resolver en Conflictos…</translation>
    </message>
    <message>
        <source>Open the Conflicts view to choose which version of each note to keep</source>
        <translation>Abrir la vista de Conflictos para elegir qué versión de cada nota conservar</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Keep both</source>
        <translation>Conservar ambas</translation>
    </message>
    <message>
        <source>Both texts stay, as separate items; neither replaces the other.</source>
        <translation>Los dos textos se quedan, como elementos separados; ninguno sustituye al otro.</translation>
    </message>
    <message>
        <source>Keep both versions as separate items</source>
        <translation>Conservar ambas versiones como elementos separados</translation>
    </message>
    <message>
        <source>Edit into one…</source>
        <translation>Unirlas en una…</translation>
    </message>
    <message>
        <source>Write one text from the versions; it replaces them all.</source>
        <translation>Escribe un solo texto a partir de las versiones; sustituye a todas.</translation>
    </message>
    <message>
        <source>Edit the versions into one text</source>
        <translation>Unir las versiones en un solo texto</translation>
    </message>
    <message>
        <source>Every version is below. Edit them into the one text you want to keep, then save: it replaces the versions on every laptop.</source>
        <translation>Todas las versiones están abajo. Únelas en el texto que quieras conservar y guárdalo: sustituye a las versiones en todos los portátiles.</translation>
    </message>
    <message>
        <source>The text edited into one</source>
        <translation>El texto unido</translation>
    </message>
    <message>
        <source>Save as one</source>
        <translation>Guardar como uno</translation>
    </message>
    <message>
        <source>Save the edited text as the one version</source>
        <translation>Guardar el texto editado como la única versión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop editing and drop the edited text</source>
        <translation>Dejar de editar y descartar el texto editado</translation>
    </message>
    <message>
        <source>This conflict was settled meanwhile (on another screen or by an import), so this text can no longer be saved here. Copy what you need, then choose Cancel.</source>
        <translation>Este conflicto se resolvió mientras tanto (en otra pantalla o con una importación), así que este texto ya no se puede guardar aquí. Copia lo que necesites y elige Cancelar.</translation>
    </message>
    <message>
        <source>Changed on two laptops before they were brought together. Choose the version to keep, keep both, or edit them into one.</source>
        <translation>Se cambió en dos portátiles antes de juntarlos. Elige la versión que quieres conservar, conserva ambas o únelas en una.</translation>
    </message>
    <message>
        <source>Changed on {0} laptops before they were brought together. Choose the version to keep, or edit them into one.</source>
        <translation>Se cambió en {0} portátiles antes de juntarlos. Elige la versión que quieres conservar o únelas en una.</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Conservar esta</translation>
    </message>
    <message>
        <source>Keep that one</source>
        <translation>Conservar aquella</translation>
    </message>
    <message>
        <source>The text is empty. Write the one version to keep, or choose Cancel.</source>
        <translation>El texto está vacío. Escribe la versión que quieres conservar o elige Cancelar.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <source>Feedback answer</source>
        <translation>Respuesta a la valoración</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>What was changed on two laptops before they met. Nothing is lost: choose what to keep.</source>
        <translation>Lo que se cambió en dos portátiles antes de juntarlos. No se pierde nada: elige qué conservar.</translation>
    </message>
    <message>
        <source>Conflicts to resolve</source>
        <translation>Conflictos por resolver</translation>
    </message>
    <message>
        <source>What happened to your choice</source>
        <translation>Qué pasó con tu elección</translation>
    </message>
    <message>
        <source>{0}, {1} versions, by {2}</source>
        <translation>{0}, {1} versiones, de {2}</translation>
    </message>
    <message>
        <source>{0} to resolve</source>
        <translation>{0} por resolver</translation>
    </message>
    <message>
        <source>No conflicts. When the same note, reflection, commitment or feedback answer is changed on two laptops, both versions appear here for you to choose from.</source>
        <translation>No hay conflictos. Cuando la misma nota, reflexión, compromiso o respuesta a la valoración se cambia en dos portátiles, ambas versiones aparecen aquí para que elijas.</translation>
    </message>
    <message>
        <source>Saved: the chosen version is kept.</source>
        <translation>Guardado: se conserva la versión elegida.</translation>
    </message>
    <message>
        <source>Saved: both versions are kept, as separate items.</source>
        <translation>Guardado: se conservan ambas versiones, como elementos separados.</translation>
    </message>
    <message>
        <source>Saved: the versions are now one.</source>
        <translation>Guardado: las versiones ahora son una.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Your choice was not saved: the line below says why. Choose again, or Retry.</source>
        <translation>Tu elección no se guardó: la línea de abajo explica por qué. Elige de nuevo o pulsa Reintentar.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Share of planned time used</source>
        <translation>Parte del tiempo previsto ya usada</translation>
    </message>
    <message>
        <source>over the planned {0}</source>
        <translation>por encima de los {0} previstos</translation>
    </message>
    <message>
        <source>left of {0}</source>
        <translation>quedan de {0}</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · en pausa</translation>
    </message>
</context>
<context>
    <name>CoverageList</name>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previstas</translation>
    </message>
    <message>
        <source>{0} more than the limit of {1}</source>
        <translation>{0} más que el límite de {1}</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Only on planned walks</source>
        <translation>Solo en recorridos previstos</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Aula</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asignatura</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Visits so far</source>
        <translation>Visitas hasta ahora</translation>
    </message>
    <message>
        <source>Visit {0}</source>
        <translation>Visita {0}</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Which rooms, grades and subjects your walks have visited, so that visits are shared fairly and no room is walked too often. This stays on this screen: it is in no report, export or walk kit. Lists are in the order of their names.</source>
        <translation>Qué aulas, cursos y asignaturas han visitado tus recorridos, para que las visitas se repartan con equidad y ningún aula se visite demasiado. Esto se queda en esta pantalla: no está en ningún informe, exportación ni paquete del recorrido. Las listas van en el orden de sus nombres.</translation>
    </message>
    <message>
        <source>Which walks to count</source>
        <translation>Qué recorridos contar</translation>
    </message>
    <message>
        <source>Every walk</source>
        <translation>Todos los recorridos</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Primer día del periodo</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Último día del periodo</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days without a visit before a room is listed as not visited lately</source>
        <translation>Días sin visita antes de que un aula aparezca como no visitada últimamente</translation>
    </message>
    <message>
        <source> visits</source>
        <translation> visitas</translation>
    </message>
    <message>
        <source>The school&apos;s visit limit for one room</source>
        <translation>El límite de visitas del centro para un aula</translation>
    </message>
    <message>
        <source>The school&apos;s own rule (a teachers&apos; agreement may set one): rooms with more visits than this in the period, held or planned, are listed. Kept in walkapp&apos;s database, for everyone who uses it.</source>
        <translation>La regla propia del centro (puede fijarla un acuerdo con el profesorado): se muestran las aulas con más visitas que esta en el periodo, hechas o previstas. Se guarda en la base de datos de walkapp, para todas las personas que la usan.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Walks</source>
        <translation>Recorridos</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Not visited in</source>
        <translation>Sin visita en</translation>
    </message>
    <message>
        <source>Visit limit</source>
        <translation>Límite de visitas</translation>
    </message>
    <message>
        <source>Counting the visits…</source>
        <translation>Contando las visitas…</translation>
    </message>
    <message>
        <source>What the period holds</source>
        <translation>Lo que contiene el periodo</translation>
    </message>
    <message>
        <source>No visits in this period</source>
        <translation>No hay visitas en este periodo</translation>
    </message>
    <message>
        <source>Choose another period or other walks, or plan a route.</source>
        <translation>Elige otro periodo u otros recorridos, o planifica un itinerario.</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Aula</translation>
    </message>
    <message>
        <source>Visits by room</source>
        <translation>Visitas por aula</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Curso</translation>
    </message>
    <message>
        <source>Visits by grade</source>
        <translation>Visitas por curso</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asignatura</translation>
    </message>
    <message>
        <source>Visits by subject</source>
        <translation>Visitas por asignatura</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Visits by teacher, from walks that show names</source>
        <translation>Visitas por docente, de los recorridos que muestran nombres</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Última visita</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde entonces</translation>
    </message>
    <message>
        <source>Rooms not visited lately</source>
        <translation>Aulas sin visitar últimamente</translation>
    </message>
    <message>
        <source>Every room was visited lately</source>
        <translation>Todas las aulas se visitaron últimamente</translation>
    </message>
    <message>
        <source>No room of these walks has gone that long without a visit.</source>
        <translation>Ningún aula de estos recorridos ha pasado tanto tiempo sin visita.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previstas</translation>
    </message>
    <message>
        <source>Over by</source>
        <translation>Exceso</translation>
    </message>
    <message>
        <source>Rooms over the visit limit</source>
        <translation>Aulas por encima del límite de visitas</translation>
    </message>
    <message>
        <source>No room is over the limit</source>
        <translation>Ningún aula supera el límite</translation>
    </message>
    <message>
        <source>No room has more visits in this period than the school&apos;s limit.</source>
        <translation>Ningún aula tiene en este periodo más visitas que el límite del centro.</translation>
    </message>
    <message>
        <source>The planned walk whose hosts to tell</source>
        <translation>El recorrido previsto cuyos anfitriones hay que avisar</translation>
    </message>
    <message>
        <source>Hosts to tell before the walk</source>
        <translation>Anfitriones a los que avisar antes del recorrido</translation>
    </message>
    <message>
        <source>No planned walk</source>
        <translation>No hay ningún recorrido previsto</translation>
    </message>
    <message>
        <source>Plan a walk with a route to see whose rooms it visits.</source>
        <translation>Planifica un recorrido con itinerario para ver qué aulas visita.</translation>
    </message>
    <message>
        <source>Planned walk</source>
        <translation>Recorrido previsto</translation>
    </message>
    <message>
        <source>Coverage lists</source>
        <translation>Listas de cobertura</translation>
    </message>
    <message>
        <source>Back to the walks</source>
        <translation>Volver a los recorridos</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose an end date on or after the first day.</source>
        <translation>El periodo termina antes de empezar: elige una fecha final igual o posterior al primer día.</translation>
    </message>
    <message>
        <source>From {0} to {1}</source>
        <translation>Del {0} al {1}</translation>
    </message>
    <message>
        <source>{0}: {1}.</source>
        <translation>{0}: {1}.</translation>
    </message>
    <message>
        <source>Teachers are not listed: the walks keep teacher names off.</source>
        <translation>No se muestran docentes: los recorridos tienen los nombres de docentes desactivados.</translation>
    </message>
    <message>
        <source>Series “{0}”</source>
        <translation>Serie «{0}»</translation>
    </message>
    <message>
        <source>Let these teachers know before the walk: when, why (the walkers&apos; own learning) and that it is not an evaluation. Visits so far: in the period above.</source>
        <translation>Avisa a estos docentes antes del recorrido: cuándo, para qué (el aprendizaje de quienes participan) y que no es una evaluación. Visitas hasta ahora: en el periodo de arriba.</translation>
    </message>
    <message>
        <source>This walk keeps teacher names off, so none is shown: tell the teachers of these rooms before the walk. Visits so far: in the period above.</source>
        <translation>Este recorrido tiene los nombres de docentes desactivados, así que no se muestra ninguno: avisa a los docentes de estas aulas antes del recorrido. Visitas hasta ahora: en el periodo de arriba.</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>Por aula</translation>
    </message>
    <message>
        <source>By grade</source>
        <translation>Por curso</translation>
    </message>
    <message>
        <source>By subject</source>
        <translation>Por asignatura</translation>
    </message>
    <message>
        <source>By teacher</source>
        <translation>Por docente</translation>
    </message>
    <message>
        <source>Not visited lately</source>
        <translation>Sin visitar últimamente</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Por encima del límite</translation>
    </message>
    <message>
        <source>Hosts to tell</source>
        <translation>Anfitriones a avisar</translation>
    </message>
    <message>
        <source>Rooms with more than {0} in the period (held or planned) are listed under Over the limit.</source>
        <translation>Las aulas con más de {0} en el periodo (hechas o previstas) aparecen en Por encima del límite.</translation>
    </message>
    <message>
        <source>The visit limit was not saved: {0}</source>
        <translation>El límite de visitas no se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>walkapp ran into a problem</source>
        <translation>walkapp tuvo un problema</translation>
    </message>
    <message>
        <source>Something went wrong inside walkapp.</source>
        <translation>Algo falló dentro de walkapp.</translation>
    </message>
    <message>
        <source>This is a fault in walkapp, not something you did. What you were doing just then may not have finished, but walkapp is still running and you can carry on.

Text you typed is kept where you typed it: notes and reflections are saved as you type, and this problem does not stop that. If a note does not say “Saved” within a few seconds, copy its text somewhere safe before you close walkapp.</source>
        <translation>Es un fallo de walkapp, no algo que hicieras tú. Puede que lo que estabas haciendo en ese momento no terminara, pero walkapp sigue en marcha y puedes continuar.

El texto que escribiste se queda donde lo escribiste: las notas y las reflexiones se guardan mientras escribes, y este problema no lo impide. Si una nota no dice «Guardado» en unos segundos, copia su texto en un lugar seguro antes de cerrar walkapp.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>The error</source>
        <translation>El error</translation>
    </message>
    <message>
        <source>Where the details are kept</source>
        <translation>Dónde se guardan los detalles</translation>
    </message>
    <message>
        <source>Details of the error</source>
        <translation>Detalles del error</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Mostrar detalles</translation>
    </message>
    <message>
        <source>Show or hide the details</source>
        <translation>Mostrar u ocultar los detalles</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>Copy the details to the clipboard</source>
        <translation>Copiar los detalles al portapapeles</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir la carpeta del registro</translation>
    </message>
    <message>
        <source>Open the folder with walkapp&apos;s log</source>
        <translation>Abrir la carpeta con el registro de walkapp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
    <message>
        <source>The details are saved in walkapp&apos;s log: {0}. If this keeps happening, send them to whoever looks after walkapp for you (“Copy details” puts them on the clipboard).</source>
        <translation>Los detalles están guardados en el registro de walkapp: {0}. Si esto se repite, envíaselos a quien se ocupe de walkapp (con «Copiar detalles» quedan en el portapapeles).</translation>
    </message>
    <message>
        <source>The details could not be saved in walkapp&apos;s log ({0}). Use “Copy details” to keep them.</source>
        <translation>Los detalles no se pudieron guardar en el registro de walkapp ({0}). Usa «Copiar detalles» para conservarlos.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>The log folder could not be opened from here; it is {0}.</source>
        <translation>La carpeta del registro no se pudo abrir desde aquí; es {0}.</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>There are no walks to export yet.</source>
        <translation>Todavía no hay recorridos que exportar.</translation>
    </message>
    <message>
        <source>walkapp data</source>
        <translation>datos de walkapp</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>completa</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>para compartir</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Archivos JSON (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Zip files (*.zip);;All files (*)</source>
        <translation>Archivos zip (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The export was saved to {0}.</source>
        <translation>La exportación se guardó en {0}.</translation>
    </message>
    <message>
        <source>Exporting to {0}…</source>
        <translation>Exportando a {0}…</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Importar datos</translation>
    </message>
    <message>
        <source>walkapp data exports (*.json);;All files (*)</source>
        <translation>Exportaciones de datos de walkapp (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importando {0}…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. {0}</source>
        <translation>p. ej. {0}</translation>
    </message>
    <message>
        <source>Type a date, e.g. {0}, {1} or {2}</source>
        <translation>Escribe una fecha, p. ej. {0}, {1} o {2}</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Calendario…</translation>
    </message>
    <message>
        <source>Pick {0} from a calendar</source>
        <translation>Elegir {0} en un calendario</translation>
    </message>
    <message>
        <source>Date problem</source>
        <translation>Problema con la fecha</translation>
    </message>
</context>
<context>
    <name>Due</name>
    <message>
        <source>{0} — due today</source>
        <translation>{0} — vence hoy</translation>
    </message>
</context>
<context>
    <name>DueDateDelegate</name>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
</context>
<context>
    <name>DueItemsDialog</name>
    <message>
        <source>Action items due</source>
        <translation>Acciones acordadas que vencen</translation>
    </message>
    <message>
        <source>Follow them up at the next walk of their series, or mark them done in their walk&apos;s post-brief.</source>
        <translation>Haz su seguimiento en el próximo recorrido de su serie, o márcalas como hechas en la sesión posterior de su recorrido.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Acción acordada</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source>Open the walk</source>
        <translation>Abrir el recorrido</translation>
    </message>
    <message>
        <source>Open the walk of the selected action item</source>
        <translation>Abrir el recorrido de la acción acordada seleccionada</translation>
    </message>
    <message>
        <source>Save to calendar…</source>
        <translation>Guardar en el calendario…</translation>
    </message>
    <message>
        <source>Save every open action item with a due date to a calendar file</source>
        <translation>Guardar todas las acciones acordadas pendientes con plazo en un archivo de calendario</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>The language nudge or the name caution fired on this note: it is held back from the record. Press Enter or double-click to rewrite it, keep it, or set it aside.</source>
        <translation>El aviso de lenguaje o la advertencia de nombres saltó en esta nota: queda fuera del registro. Pulsa Intro o haz doble clic para reescribirla, conservarla o apartarla.</translation>
    </message>
    <message>
        <source>Set aside: kept in the walk, never in a record. Press Enter or double-click to put it back.</source>
        <translation>Apartada: se guarda en el recorrido, nunca en un registro. Pulsa Intro o haz doble clic para devolverla.</translation>
    </message>
    <message>
        <source>{0}: this note was changed on two laptops before they met. Press Enter or double-click to choose which to keep in Conflicts.</source>
        <translation>{0}: esta nota se cambió en dos portátiles antes de juntarlos. Pulsa Intro o haz doble clic para elegir en Conflictos cuál conservar.</translation>
    </message>
    <message>
        <source>The facilitator changed this note; the walker&apos;s own text is kept. Press the menu key or right-click, or use “Show earlier text…”, to read it.</source>
        <translation>El facilitador cambió esta nota; se conserva el texto original del participante. Pulsa la tecla de menú o haz clic derecho, o usa «Mostrar el texto anterior…», para leerlo.</translation>
    </message>
    <message>
        <source>This note is long; it is shortened here.</source>
        <translation>Esta nota es larga; aquí se muestra abreviada.</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>contraída</translation>
    </message>
</context>
<context>
    <name>EvidenceWall</name>
    <message>
        <source>Evidence wall</source>
        <translation>Muro de evidencias</translation>
    </message>
    <message>
        <source>Every note from the walk. Read what was seen and heard before talking about what it means.</source>
        <translation>Todas las notas del recorrido. Primero, leer lo que se vio y se oyó; después, hablar de lo que significa.</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>Agrupar por:</translation>
    </message>
    <message>
        <source>Look-for</source>
        <translation>Foco de observación</translation>
    </message>
    <message>
        <source>Group notes by look-for</source>
        <translation>Agrupar las notas por foco de observación</translation>
    </message>
    <message>
        <source>Stem</source>
        <translation>Inicio de frase</translation>
    </message>
    <message>
        <source>Group notes by stem</source>
        <translation>Agrupar las notas por inicio de frase</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Group notes by visit</source>
        <translation>Agrupar las notas por visita</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Show the answers to the visit&apos;s questions, question by question</source>
        <translation>Mostrar las respuestas a las preguntas de la visita, pregunta por pregunta</translation>
    </message>
    <message>
        <source>Filter notes (words, look-fors, visit)</source>
        <translation>Filtrar (palabras, focos, visita)</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>Filtrar notas</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Borrar el filtro</translation>
    </message>
    <message>
        <source>Show who wrote each note</source>
        <translation>Mostrar quién escribió cada nota</translation>
    </message>
    <message>
        <source>Notes, grouped</source>
        <translation>Notas, agrupadas</translation>
    </message>
    <message>
        <source>Show earlier text…</source>
        <translation>Mostrar el texto anterior…</translation>
    </message>
    <message>
        <source>Show the earlier text of the selected note: the walker&apos;s own words, kept when the facilitator changed it</source>
        <translation>Mostrar el texto anterior de la nota seleccionada: las palabras del propio participante, conservadas cuando el facilitador la cambió</translation>
    </message>
    <message>
        <source>&amp;Open the note…</source>
        <translation>&amp;Abrir la nota…</translation>
    </message>
    <message>
        <source>Open the selected note: its whole text, its history, and rewrite, set aside or keep it</source>
        <translation>Abrir la nota seleccionada: su texto completo, su historial, y reescribirla, apartarla o conservarla</translation>
    </message>
    <message>
        <source>No look-for tagged</source>
        <translation>Sin foco de observación</translation>
    </message>
    <message>
        <source>Not from a visit</source>
        <translation>No es de una visita</translation>
    </message>
    <message>
        <source>Unknown walker</source>
        <translation>Participante desconocido</translation>
    </message>
    <message>
        <source>also: {0}</source>
        <translation>también: {0}</translation>
    </message>
    <message>
        <source>Removed visit (was visit {0})</source>
        <translation>Visita eliminada (era la visita {0})</translation>
    </message>
    <message>
        <source>Removed visit</source>
        <translation>Visita eliminada</translation>
    </message>
    <message>
        <source>{0} versions</source>
        <translation>{0} versiones</translation>
    </message>
    <message>
        <source>edited by the facilitator</source>
        <translation>editada por el facilitador</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señalada</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservada</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Apartada</translation>
    </message>
    <message>
        <source>Set aside — not in the record</source>
        <translation>Apartada: fuera del registro</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>Aún no hay respuestas</translation>
    </message>
    <message>
        <source>Counted across the whole walk, never per visit</source>
        <translation>Se cuenta en todo el recorrido, nunca por visita</translation>
    </message>
    <message>
        <source>{0} of {1} match “{2}”.</source>
        <translation>{0} de {1} coinciden con «{2}».</translation>
    </message>
    <message>
        <source>{0} from {1}.</source>
        <translation>{0} de {1}.</translation>
    </message>
    <message>
        <source>1 note.</source>
        <translation>1 nota.</translation>
    </message>
    <message>
        <source>No notes yet
Notes taken during the visits appear here, and so do notes imported from walkers&apos; files.</source>
        <translation>Aún no hay notas
Aquí aparecen las notas tomadas durante las visitas y también las importadas de los archivos de los participantes.</translation>
    </message>
    <message>
        <source>No note matches “{0}”.</source>
        <translation>Ninguna nota coincide con «{0}».</translation>
    </message>
    <message>
        <source>{0} changed on two laptops: their versions are marked below. Choose what to keep.</source>
        <translation>{0} se cambiaron en dos portátiles: sus versiones están marcadas abajo. Elige qué conservar.</translation>
    </message>
</context>
<context>
    <name>ExportDataDialog</name>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Qué exportar</translation>
    </message>
    <message>
        <source>Everything, for me (owner&apos;s export)</source>
        <translation>Todo, para mí (exportación completa)</translation>
    </message>
    <message>
        <source>Every record of the walks, with names, rooms and notes set aside. Keep it safe; “Import data…” reads it back with nothing lost.</source>
        <translation>Todos los registros de los recorridos, con nombres, aulas y notas apartadas. Guárdala en lugar seguro; «Importar datos…» la recupera sin perder nada.</translation>
    </message>
    <message>
        <source>What the debrief shows, to share (shared export)</source>
        <translation>Lo que muestra el informe, para compartir (exportación para compartir)</translation>
    </message>
    <message>
        <source>For a coach or a researcher: each walk&apos;s privacy settings apply, set-aside and flagged notes stay out, and walkers are not named.</source>
        <translation>Para un asesor o un investigador: se aplica la privacidad de cada recorrido, las notas apartadas y señaladas quedan fuera y no se nombra a los participantes.</translation>
    </message>
    <message>
        <source>Walks</source>
        <translation>Recorridos</translation>
    </message>
    <message>
        <source>All walks (not those in the Trash)</source>
        <translation>Todos los recorridos (no los de la Papelera)</translation>
    </message>
    <message>
        <source>Walks to export</source>
        <translation>Recorridos que exportar</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>JSON: one file</source>
        <translation>JSON: un archivo</translation>
    </message>
    <message>
        <source>CSV: one file per table, in a .zip (for spreadsheets)</source>
        <translation>CSV: un archivo por tabla, en un .zip (para hojas de cálculo)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a report</source>
        <translation>Exportar un informe</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Walker</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Visit number</source>
        <translation>Número de visita</translation>
    </message>
    <message>
        <source>Visit </source>
        <translation>Visita </translation>
    </message>
    <message>
        <source>Print clock times, starting at</source>
        <translation>Imprimir horas de reloj, empezando a las</translation>
    </message>
    <message>
        <source>Print clock times</source>
        <translation>Imprimir horas de reloj</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Elegir dónde guardar</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exportar el informe</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the saved report</source>
        <translation>Abrir el informe guardado</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop making the report</source>
        <translation>Dejar de hacer el informe</translation>
    </message>
    <message>
        <source>Review them</source>
        <translation>Revisarlas</translation>
    </message>
    <message>
        <source>Review the held-back notes on the evidence wall</source>
        <translation>Revisar en el muro de evidencias las notas retenidas</translation>
    </message>
    <message>
        <source>Open the post-brief&apos;s evidence wall to keep, rewrite or set aside the notes held back from the record</source>
        <translation>Abrir el muro de evidencias de la sesión posterior para conservar, reescribir o apartar las notas que quedaron fuera del registro</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
    <message>
        <source>Walk: {0} ({1})</source>
        <translation>Recorrido: {0} ({1})</translation>
    </message>
    <message>
        <source>Choose where to save the report first.</source>
        <translation>Primero elige dónde guardar el informe.</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Haciendo el informe…</translation>
    </message>
    <message>
        <source>Stopped. The report was not saved.</source>
        <translation>Detenido. El informe no se guardó.</translation>
    </message>
    <message>
        <source> Open the walk&apos;s Post-brief → Evidence wall to keep or rewrite them.</source>
        <translation> Abre Sesión posterior → Muro de evidencias del recorrido para conservarlas o reescribirlas.</translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation>{0}.</translation>
    </message>
    <message>
        <source>The report could not be made because of an unexpected problem ({0}). Nothing was saved.</source>
        <translation>El informe no se pudo hacer por un problema inesperado ({0}). No se guardó nada.</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Informe no guardado</translation>
    </message>
    <message>
        <source>Could not open the report</source>
        <translation>No se pudo abrir el informe</translation>
    </message>
    <message>
        <source>No program to show PDF files was found. The report is saved at {0}.</source>
        <translation>No se encontró ningún programa para mostrar archivos PDF. El informe está guardado en {0}.</translation>
    </message>
    <message>
        <source>Please wait: the report is still being saved.</source>
        <translation>Espera: el informe todavía se está guardando.</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Session feedback</source>
        <translation>Valoración de la sesión</translation>
    </message>
    <message>
        <source>A few quick questions about this session. Answers are anonymous unless you choose to add your name.</source>
        <translation>Unas preguntas rápidas sobre esta sesión. Las respuestas son anónimas, salvo que decidas añadir tu nombre.</translation>
    </message>
    <message>
        <source>Answering as:</source>
        <translation>Respondes como:</translation>
    </message>
    <message>
        <source>Answering as</source>
        <translation>Respondes como</translation>
    </message>
    <message>
        <source>Send answers</source>
        <translation>Enviar respuestas</translation>
    </message>
    <message>
        <source>Send these answers</source>
        <translation>Enviar estas respuestas</translation>
    </message>
    <message>
        <source>Show the answers collected so far</source>
        <translation>Mostrar las respuestas recogidas hasta ahora</translation>
    </message>
    <message>
        <source>Answers collected so far</source>
        <translation>Respuestas recogidas hasta ahora</translation>
    </message>
    <message>
        <source>The answers are hidden while people are still answering, in case this screen is shared. They never show who wrote what.</source>
        <translation>Las respuestas están ocultas mientras la gente aún responde, por si esta pantalla está a la vista. Nunca muestran quién escribió qué.</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anónimo</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>Aún no hay respuestas.</translation>
    </message>
    <message>
        <source>Answers so far: {0}</source>
        <translation>Respuestas hasta ahora: {0}</translation>
    </message>
    <message>
        <source>Not applicable: {0} (not in the average)</source>
        <translation>No corresponde: {0} (fuera de la media)</translation>
    </message>
    <message>
        <source>{0}, average {1} of {2}</source>
        <translation>{0}, media de {1} sobre {2}</translation>
    </message>
    <message>
        <source>Nothing to send yet: answer at least one question.</source>
        <translation>Aún no hay nada que enviar: responde al menos una pregunta.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not all answers were saved: {0} The answers not saved are still in the form.</source>
        <translation>No se guardaron todas las respuestas: {0} Las que no se guardaron siguen en el formulario.</translation>
    </message>
    <message>
        <source>Thank you — your answers are saved. The form is ready for the next person.</source>
        <translation>Gracias: tus respuestas están guardadas. El formulario está listo para la siguiente persona.</translation>
    </message>
</context>
<context>
    <name>FoundList</name>
    <message>
        <source>Found in</source>
        <translation>Encontrado en</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Más…</translation>
    </message>
    <message>
        <source>Show more of what was found</source>
        <translation>Mostrar más de lo encontrado</translation>
    </message>
    <message>
        <source>Only in “{0}”: the walk you are a walker in.</source>
        <translation>Solo en «{0}»: el recorrido en el que usted participa.</translation>
    </message>
    <message>
        <source>The search could not be done: {0}</source>
        <translation>No se pudo hacer la búsqueda: {0}</translation>
    </message>
    <message>
        <source>Only the first words typed were looked for.</source>
        <translation>Solo se buscaron las primeras palabras escritas.</translation>
    </message>
    <message>
        <source>No walk holds “{0}”.</source>
        <translation>Ningún recorrido contiene «{0}».</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>visit form</source>
        <translation>formulario de la visita</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Compromiso</translation>
    </message>
    <message>
        <source>how it went</source>
        <translation>cómo fue</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Patrón</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Acción acordada</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>seguimiento</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>Walk details</source>
        <translation>Datos del recorrido</translation>
    </message>
    <message>
        <source>Removed visit</source>
        <translation>Visita quitada</translation>
    </message>
    <message>
        <source>Visit {0}</source>
        <translation>Visita {0}</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>Describir</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predecir</translation>
    </message>
    <message>
        <source>Next level of work</source>
        <translation>Siguiente nivel de trabajo</translation>
    </message>
    <message>
        <source>set aside</source>
        <translation>apartada</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>señalada</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservada</translation>
    </message>
    <message>
        <source>another version</source>
        <translation>otra versión</translation>
    </message>
    <message>
        <source>in the Trash</source>
        <translation>en la Papelera</translation>
    </message>
</context>
<context>
    <name>GuideLink</name>
    <message>
        <source>Learn more in the guide</source>
        <translation>Más información en la guía</translation>
    </message>
    <message>
        <source>Open the guide: {0}</source>
        <translation>Abrir la guía: {0}</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Guide to learning walks</source>
        <translation>Guía de los recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation>Índice de la guía</translation>
    </message>
    <message>
        <source>Guide text</source>
        <translation>Texto de la guía</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import notes files</source>
        <translation>Importar archivos de notas</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation>Ya hay una importación en marcha; espera a que termine.</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importando {0}…</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Importación detenida</translation>
    </message>
    <message>
        <source>The import was stopped before it reported back. Nothing was half-imported: the files are as they were, and you can import them again at any time.</source>
        <translation>La importación se detuvo antes de informar. No se importó nada a medias: los archivos están como estaban y puedes importarlos de nuevo cuando quieras.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Informe de la importación</translation>
    </message>
    <message>
        <source>; {0} rejected</source>
        <translation>; {0} rechazados</translation>
    </message>
    <message>
        <source>Imported {0} of {1}: {2}{3}; {4} not imported.</source>
        <translation>Importados {0} de {1}: {2}{3}; {4} sin importar.</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>What happened to each file</source>
        <translation>Qué pasó con cada archivo</translation>
    </message>
    <message>
        <source>Learn more: walk kits out, notes files back</source>
        <translation>Más información: paquetes del recorrido que salen, archivos de notas que vuelven</translation>
    </message>
    <message>
        <source>Close the import report</source>
        <translation>Cerrar el informe de la importación</translation>
    </message>
    <message>
        <source>Not imported. {0}</source>
        <translation>No importado. {0}</translation>
    </message>
    <message>
        <source>Conflict: {0}</source>
        <translation>Conflicto: {0}</translation>
    </message>
    <message>
        <source>Not imported: {0} — {1}.</source>
        <translation>No importado: {0} — {1}.</translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation>Aviso: {0}</translation>
    </message>
    <message>
        <source>A conflict means the same item was changed on two laptops. Both versions are kept side by side, the second marked as a conflict, for you to resolve.</source>
        <translation>Un conflicto significa que el mismo elemento se cambió en dos portátiles. Se conservan ambas versiones, una al lado de la otra, con la segunda marcada como conflicto, para que lo resuelvas.</translation>
    </message>
    <message>
        <source>A copy of the database from before the import was saved to {0}.</source>
        <translation>Se guardó una copia de la base de datos de antes de la importación en {0}.</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>New {0}</source>
        <translation>Nuevo: {0}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>Añadir {0}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove selected {0}</source>
        <translation>Quitar lo seleccionado: {0}</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move selected {0} up</source>
        <translation>Subir lo seleccionado: {0}</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move selected {0} down</source>
        <translation>Bajar lo seleccionado: {0}</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>Taking notes (Observation, and a walker&apos;s notes)</source>
        <translation>Tomar notas (Observación y notas de un participante)</translation>
    </message>
    <message>
        <source>Pre-brief and post-brief</source>
        <translation>Sesión previa y sesión posterior</translation>
    </message>
    <message>
        <source>Evidence wall</source>
        <translation>Muro de evidencias</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Visita siguiente</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>Visita anterior</translation>
    </message>
    <message>
        <source>Start or pause the visit countdown</source>
        <translation>Iniciar o pausar la cuenta atrás de la visita</translation>
    </message>
    <message>
        <source>Keep this note and start the next one</source>
        <translation>Conservar esta nota y empezar la siguiente</translation>
    </message>
    <message>
        <source>Choose a stem (I noticed, I wonder, …), in the protocol&apos;s order</source>
        <translation>Elegir un inicio de frase (Observé, Me pregunto, …), en el orden del protocolo</translation>
    </message>
    <message>
        <source>Tag or untag a look-for, by its number</source>
        <translation>Marcar o desmarcar un foco de observación, por su número</translation>
    </message>
    <message>
        <source>Add one to a tally, or start or stop its timer: the key on its button</source>
        <translation>Sumar uno a un recuento, o iniciar o parar su temporizador: la tecla de su botón</translation>
    </message>
    <message>
        <source>Next turn (a step where each walker speaks in turn)</source>
        <translation>Siguiente turno (un paso en el que cada participante habla por turnos)</translation>
    </message>
    <message>
        <source>Back to the running step, from a step you look ahead at</source>
        <translation>Volver al paso en curso desde un paso que estás mirando por adelantado</translation>
    </message>
    <message>
        <source>Save a note&apos;s rewrite</source>
        <translation>Guardar la reescritura de una nota</translation>
    </message>
    <message>
        <source>Put the selected walkers in a group (Roster and groups)</source>
        <translation>Poner a los participantes seleccionados en un grupo (Lista y grupos)</translation>
    </message>
</context>
<context>
    <name>KitExportController</name>
    <message>
        <source>any walker</source>
        <translation>cualquier participante</translation>
    </message>
    <message>
        <source>Save walk kit</source>
        <translation>Guardar el paquete del recorrido</translation>
    </message>
    <message>
        <source>The walk kit for {0} was saved to {1}.</source>
        <translation>El paquete del recorrido para {0} se guardó en {1}.</translation>
    </message>
    <message>
        <source>Save notes file</source>
        <translation>Guardar el archivo de notas</translation>
    </message>
    <message>
        <source>{0}&apos;s notes were saved to {1}. Give this file to the facilitator.</source>
        <translation>Las notas de {0} se guardaron en {1}. Entrega este archivo al facilitador.</translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation>Guardando {0}…</translation>
    </message>
</context>
<context>
    <name>LibraryWelcome</name>
    <message>
        <source>Welcome to walkapp</source>
        <translation>Te damos la bienvenida a walkapp</translation>
    </message>
    <message>
        <source>Learning walks: short visits to each other&apos;s classrooms, to learn something for your own teaching. How would you like to start?</source>
        <translation>Recorridos de aprendizaje: visitas cortas a las aulas de los compañeros para aprender algo para tu propia enseñanza. ¿Cómo quieres empezar?</translation>
    </message>
    <message>
        <source>Read the guide to learning walks</source>
        <translation>Leer la guía de los recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>Open the guide to learning walks</source>
        <translation>Abrir la guía de los recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>I&apos;m leading a walk</source>
        <translation>Voy a dirigir un recorrido</translation>
    </message>
    <message>
        <source>Plan a walk for your group: its focus, look-fors, visits and walkers.</source>
        <translation>Planifica un recorrido para tu grupo: su foco, los focos de observación, las visitas y los participantes.</translation>
    </message>
    <message>
        <source>I&apos;m a walker with a kit</source>
        <translation>Participo con un paquete</translation>
    </message>
    <message>
        <source>Open the walk kit file your facilitator handed you, here on your own laptop. No network is needed.</source>
        <translation>Abre el archivo del paquete del recorrido que te dio tu facilitador, aquí en tu propio portátil. No hace falta red.</translation>
    </message>
    <message>
        <source>Show me the sample walk</source>
        <translation>Ver el recorrido de ejemplo</translation>
    </message>
    <message>
        <source>A walk with its notes and post-brief filled in, to see every page. Delete it whenever you like.</source>
        <translation>Un recorrido con sus notas y su sesión posterior completas, para ver todas las páginas. Bórralo cuando quieras.</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Qué se dijo</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source>{0} (in the Trash)</source>
        <translation>{0} (en la Papelera)</translation>
    </message>
</context>
<context>
    <name>LookForsPanel</name>
    <message>
        <source>Look-fors are the few things everyone watches for in every room. Keep them observable: what students or adults say and do. Choose one to write what it looks like.</source>
        <translation>Los focos de observación son las pocas cosas que todos observan en cada aula. Que sean observables: lo que el alumnado o los adultos dicen y hacen. Elige uno para escribir cómo se ve.</translation>
    </message>
    <message>
        <source>What it looks like</source>
        <translation>Cómo se ve</translation>
    </message>
    <message>
        <source>What the look-for looks like</source>
        <translation>Cómo se ve el foco de observación</translation>
    </message>
    <message>
        <source>What the group would see or hear, e.g. Students give a reason, often with “because”; they answer each other, not only the teacher.</source>
        <translation>Lo que el grupo vería u oiría, p. ej. El alumnado da una razón, a menudo con «porque»; se responden entre sí, no solo al docente.</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Focos de observación</translation>
    </message>
    <message>
        <source>Add a look-for, e.g. Students explain why</source>
        <translation>Añade un foco de observación, p. ej. El alumnado explica por qué</translation>
    </message>
    <message>
        <source>Remove this look-for?</source>
        <translation>¿Quitar este foco de observación?</translation>
    </message>
    <message>
        <source>Remove it?</source>
        <translation>¿Quitarlo?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>What it looks like: choose a look-for above to describe it.</source>
        <translation>Cómo se ve: elige arriba un foco de observación para describirlo.</translation>
    </message>
    <message>
        <source>What “{0}” looks like</source>
        <translation>Cómo se ve «{0}»</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Learning walks</source>
        <translation>Recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>Data: {0}</source>
        <translation>Datos: {0}</translation>
    </message>
    <message>
        <source>Where walkapp keeps its data</source>
        <translation>Dónde guarda walkapp sus datos</translation>
    </message>
    <message>
        <source>The walk was not created</source>
        <translation>No se creó el recorrido</translation>
    </message>
    <message>
        <source>The walk was not copied</source>
        <translation>No se copió el recorrido</translation>
    </message>
    <message>
        <source>The next walk was not planned</source>
        <translation>No se planificó el siguiente recorrido</translation>
    </message>
    <message>
        <source>The walk was not deleted</source>
        <translation>No se eliminó el recorrido</translation>
    </message>
    <message>
        <source>Delete walk</source>
        <translation>Eliminar el recorrido</translation>
    </message>
    <message>
        <source>Move “{0}” ({1}) to the Trash? It disappears from the list of walks and reports at once, and is removed for good after {2} days; until then you can restore it from the Trash.</source>
        <translation>¿Mover «{0}» ({1}) a la Papelera? Desaparece al instante de la lista de recorridos y de los informes, y se elimina para siempre pasados {2} días; hasta entonces puedes restaurarlo desde la Papelera.</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mover a la Papelera</translation>
    </message>
    <message>
        <source>Trash — Learning walks</source>
        <translation>Papelera — Recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>Waiting for the database… (another program is using it)</source>
        <translation>Esperando a la base de datos… (otro programa la está usando)</translation>
    </message>
    <message>
        <source>About walkapp</source>
        <translation>Acerca de walkapp</translation>
    </message>
    <message>
        <source>walkapp {0}

Run learning walks that improve the walkers&apos; own practice.
Everything stays on this computer; nothing is sent anywhere.</source>
        <translation>walkapp {0}

Dirige recorridos de aprendizaje que mejoran la práctica de los propios participantes.
Todo se queda en este ordenador; no se envía nada a ninguna parte.</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New walk…</source>
        <translation>&amp;Nuevo recorrido…</translation>
    </message>
    <message>
        <source>&amp;Find walk…</source>
        <translation>&amp;Buscar recorrido…</translation>
    </message>
    <message>
        <source>&amp;Close walk</source>
        <translation>&amp;Cerrar el recorrido</translation>
    </message>
    <message>
        <source>&amp;Plan again…</source>
        <translation>&amp;Planificar de nuevo…</translation>
    </message>
    <message>
        <source>Plan the next walk of this walk&apos;s series (same group, protocol and look-fors)</source>
        <translation>Planificar el siguiente recorrido de la serie de este recorrido (mismo grupo, protocolo y focos de observación)</translation>
    </message>
    <message>
        <source>Create the &amp;sample walk</source>
        <translation>Crear el recorrido de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Import walkers&apos; notes…</source>
        <translation>&amp;Importar las notas de los participantes…</translation>
    </message>
    <message>
        <source>Make a walk &amp;kit…</source>
        <translation>Crear un &amp;paquete del recorrido…</translation>
    </message>
    <message>
        <source>Save a &amp;notes file…</source>
        <translation>Guardar un archivo de &amp;notas…</translation>
    </message>
    <message>
        <source>&amp;Open a walk kit…</source>
        <translation>Abrir un paquete del &amp;recorrido…</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>Exportar &amp;datos…</translation>
    </message>
    <message>
        <source>Save walks as JSON or CSV: everything, for you, or what the debrief shows, to share</source>
        <translation>Guardar recorridos en JSON o CSV: todo, para ti, o lo que muestra el informe, para compartir</translation>
    </message>
    <message>
        <source>Import d&amp;ata…</source>
        <translation>Importar d&amp;atos…</translation>
    </message>
    <message>
        <source>Bring back walks from an owner&apos;s export (.json)</source>
        <translation>Recuperar recorridos de una exportación completa (.json)</translation>
    </message>
    <message>
        <source>Export p&amp;ortfolio…</source>
        <translation>Exportar p&amp;ortafolio…</translation>
    </message>
    <message>
        <source>A period&apos;s agendas, protocols, reflections, feedback and debriefs, and the log entries you choose: one PDF and a zip</source>
        <translation>Los órdenes del día, protocolos, reflexiones, valoraciones y puestas en común de un periodo, y las entradas del registro que elijas: un PDF y un zip</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>E&amp;xportar un informe</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Protocols</source>
        <translation>&amp;Protocolos</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>All &amp;walks</source>
        <translation>Todos los &amp;recorridos</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>&amp;Papelera</translation>
    </message>
    <message>
        <source>Series t&amp;rends…</source>
        <translation>&amp;Tendencias de la serie…</translation>
    </message>
    <message>
        <source>Look-for evidence, the group&apos;s ratings and follow-through across this walk&apos;s series (group figures only)</source>
        <translation>Evidencias por foco, valoraciones del grupo y seguimiento de lo acordado a lo largo de la serie de este recorrido (solo cifras del grupo)</translation>
    </message>
    <message>
        <source>&amp;Coverage</source>
        <translation>&amp;Cobertura</translation>
    </message>
    <message>
        <source>Which rooms, grades and subjects the walks have visited (on screen only)</source>
        <translation>Qué aulas, cursos y asignaturas han visitado los recorridos (solo en pantalla)</translation>
    </message>
    <message>
        <source>Communication &amp;log</source>
        <translation>Re&amp;gistro de comunicación</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Guide to learning walks</source>
        <translation>&amp;Guía de los recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About walkapp</source>
        <translation>&amp;Acerca de walkapp</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Protect the file?</source>
        <translation>¿Proteger el archivo?</translation>
    </message>
    <message>
        <source>Files on USB sticks get lost. To protect this one, choose a passphrase of at least {0} characters (a few words you can say aloud work well) and tell it to the other person face to face. Leave both boxes empty to save without protection.</source>
        <translation>Los archivos en memorias USB se pierden. Para proteger este, elige una contraseña de al menos {0} caracteres (unas cuantas palabras que se puedan decir en voz alta funcionan bien) y díselo a la otra persona en persona. Deja las dos casillas vacías para guardarlo sin protección.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repite la contraseña</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Mostrar la contraseña</translation>
    </message>
    <message>
        <source>Passphrase problem</source>
        <translation>Problema con la contraseña</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbela otra vez</translation>
    </message>
    <message>
        <source>A passphrase needs at least {0} characters.</source>
        <translation>La contraseña necesita al menos {0} caracteres.</translation>
    </message>
    <message>
        <source>Type the passphrase again below, to be sure of it.</source>
        <translation>Vuelve a escribir la contraseña abajo, para estar seguros.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again, or tick Show to see what you typed.</source>
        <translation>Las dos contraseñas no coinciden. Escríbelas otra vez o marca Mostrar para ver lo que escribiste.</translation>
    </message>
    <message>
        <source>Save without a passphrase</source>
        <translation>Guardar sin contraseña</translation>
    </message>
    <message>
        <source>Save protected</source>
        <translation>Guardar protegido</translation>
    </message>
</context>
<context>
    <name>NewWalkDialog</name>
    <message>
        <source>New walk</source>
        <translation>Nuevo recorrido</translation>
    </message>
    <message>
        <source>e.g. Student talk in maths</source>
        <translation>p. ej. La conversación del alumnado en matemáticas</translation>
    </message>
    <message>
        <source>Walk title</source>
        <translation>Título del recorrido</translation>
    </message>
    <message>
        <source>Walk date</source>
        <translation>Fecha del recorrido</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Language of the walk</source>
        <translation>Idioma del recorrido</translation>
    </message>
    <message>
        <source>This protocol is written in more than one language; the walk uses the one chosen here.</source>
        <translation>Este protocolo está escrito en más de un idioma; el recorrido usa el que elijas aquí.</translation>
    </message>
    <message>
        <source>Look-for set</source>
        <translation>Conjunto de focos de observación</translation>
    </message>
    <message>
        <source>Optional now; agreed in the pre-brief.</source>
        <translation>Opcional por ahora; se acuerda en la sesión previa.</translation>
    </message>
    <message>
        <source>Focus or problem of practice</source>
        <translation>Foco o problema de práctica</translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation>Número de visitas</translation>
    </message>
    <message>
        <source>Visits are numbered; rooms can be added later.</source>
        <translation>Las visitas van numeradas; las aulas se pueden añadir después.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Focos de observación</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Foco</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Create walk</source>
        <translation>Crear el recorrido</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>None — we will write our own</source>
        <translation>Ninguno: escribiremos los nuestros</translation>
    </message>
    <message>
        <source>Give the walk a title.</source>
        <translation>Ponle un título al recorrido.</translation>
    </message>
    <message>
        <source>Check the date.</source>
        <translation>Revisa la fecha.</translation>
    </message>
</context>
<context>
    <name>NextStepsPanel</name>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>What happens after today, in order: what we share, when we walk again, what we look for next time.</source>
        <translation>Lo que pasa después de hoy, en orden: qué compartimos, cuándo volvemos a hacer un recorrido, en qué nos fijaremos la próxima vez.</translation>
    </message>
    <message>
        <source>A next step, e.g. “Share the sentence strips at the next staff meeting”</source>
        <translation>Un próximo paso, p. ej. «Compartir las tiras de frases en el próximo claustro»</translation>
    </message>
    <message>
        <source>Delete next step</source>
        <translation>Eliminar el próximo paso</translation>
    </message>
    <message>
        <source>Delete this next step? This cannot be undone.</source>
        <translation>¿Eliminar este próximo paso? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>NormsPanel</name>
    <message>
        <source>Norms keep the walk safe. Read them together, change what the group wants changed, and tick each one the group agrees to.</source>
        <translation>Las normas hacen que el recorrido sea seguro. Leedlas juntos, cambiad lo que el grupo quiera cambiar y marcad cada una que el grupo acepte.</translation>
    </message>
    <message>
        <source>Norms</source>
        <translation>Normas</translation>
    </message>
    <message>
        <source>Add a norm</source>
        <translation>Añadir una norma</translation>
    </message>
</context>
<context>
    <name>NoteCardDialog</name>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>The note&apos;s text</source>
        <translation>El texto de la nota</translation>
    </message>
    <message>
        <source>The texts this note has shown, oldest first</source>
        <translation>Los textos que ha mostrado esta nota, del más antiguo al más reciente</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Loading the note&apos;s history…</source>
        <translation>Cargando el historial de la nota…</translation>
    </message>
    <message>
        <source>History: no earlier text — nobody but its writer has changed this note.</source>
        <translation>Historial: no hay texto anterior; nadie salvo quien la escribió ha cambiado esta nota.</translation>
    </message>
    <message>
        <source>&amp;Rewrite…</source>
        <translation>&amp;Reescribir…</translation>
    </message>
    <message>
        <source>Rewrite the note in your words; the walker&apos;s words stay in its history</source>
        <translation>Reescribir la nota con tus palabras; las del participante se quedan en su historial</translation>
    </message>
    <message>
        <source>Set &amp;aside</source>
        <translation>&amp;Apartar</translation>
    </message>
    <message>
        <source>Set the note aside: kept in the walk, never in a record</source>
        <translation>Apartar la nota: se guarda en el recorrido, nunca en un registro</translation>
    </message>
    <message>
        <source>&amp;Keep in the record</source>
        <translation>&amp;Conservar en el registro</translation>
    </message>
    <message>
        <source>Keep the flagged note in the record as it is</source>
        <translation>Conservar la nota señalada en el registro tal como está</translation>
    </message>
    <message>
        <source>&amp;Put back</source>
        <translation>&amp;Devolver</translation>
    </message>
    <message>
        <source>Put the note back: undo the decision made on it</source>
        <translation>Devolver la nota: deshacer la decisión tomada sobre ella</translation>
    </message>
    <message>
        <source>&amp;Save the rewrite</source>
        <translation>&amp;Guardar la reescritura</translation>
    </message>
    <message>
        <source>Save the rewrite ({0})</source>
        <translation>Guardar la reescritura ({0})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the rewrite (Escape)</source>
        <translation>Cancelar la reescritura (Escape)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the note</source>
        <translation>Cerrar la nota</translation>
    </message>
    <message>
        <source>Nothing in this wording is flagged: saved, it goes to the record.</source>
        <translation>Nada de esta redacción está señalado: al guardarla, pasa al registro.</translation>
    </message>
    <message>
        <source>Rewriting: type the note in descriptive words. The walker&apos;s words stay in the note&apos;s history.</source>
        <translation>Reescribiendo: escribe la nota con palabras descriptivas. Las palabras del participante se quedan en el historial de la nota.</translation>
    </message>
    <message>
        <source>Set aside: kept in the walk, never in a record. Put it back to bring it into the wall again.</source>
        <translation>Apartada: se guarda en el recorrido, nunca en un registro. Devuélvela para que vuelva al muro.</translation>
    </message>
    <message>
        <source>Flagged, and kept in the record by the facilitator.</source>
        <translation>Señalada, y conservada en el registro por el facilitador.</translation>
    </message>
    <message>
        <source>it may name someone</source>
        <translation>puede que nombre a alguien</translation>
    </message>
    <message>
        <source>it sounds like a judgement</source>
        <translation>suena a juicio de valor</translation>
    </message>
    <message>
        <source>Flagged — {0}. Held back from the record until you rewrite it, keep it as it is, or set it aside.</source>
        <translation>Señalada: {0}. Queda fuera del registro hasta que la reescribas, la conserves tal como está o la apartes.</translation>
    </message>
    <message>
        <source>Rewritten by the facilitator; in the record.</source>
        <translation>Reescrita por el facilitador; en el registro.</translation>
    </message>
    <message>
        <source>In the record.</source>
        <translation>En el registro.</translation>
    </message>
    <message>
        <source>the facilitator</source>
        <translation>el facilitador</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Shown now — written by {0}</source>
        <translation>Se muestra ahora; escrita por {0}</translation>
    </message>
    <message>
        <source>Written by {0} on {1}</source>
        <translation>Escrita por {0} el {1}</translation>
    </message>
    <message>
        <source>The note&apos;s history could not be read: {0}</source>
        <translation>No se pudo leer el historial de la nota: {0}</translation>
    </message>
    <message>
        <source>A rewritten note needs some words. To leave it out of the record, cancel and set it aside.</source>
        <translation>Una nota reescrita necesita alguna palabra. Para dejarla fuera del registro, cancela y apártala.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Look-fors:</source>
        <translation>Focos de observación:</translation>
    </message>
    <message>
        <source>Look-for {0}</source>
        <translation>Foco de observación {0}</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <source>Saved as the facilitator&apos;s version. The walker&apos;s text is kept in the note&apos;s history.</source>
        <translation>Guardada como la versión del facilitador. El texto del participante se conserva en el historial de la nota.</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>la nota</translation>
    </message>
    <message>
        <source>New note  {0}</source>
        <translation>Nueva nota  {0}</translation>
    </message>
    <message>
        <source>Start a new note</source>
        <translation>Empezar una nota nueva</translation>
    </message>
    <message>
        <source>Keep this note and start the next one</source>
        <translation>Conservar esta nota y empezar la siguiente</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>{0} next note · {1} stem · {2} look-for · {3} next visit · {4} visit timer</source>
        <translation>{0} nota siguiente · {1} inicio de frase · {2} foco de observación · {3} visita siguiente · {4} temporizador de la visita</translation>
    </message>
    <message>
        <source>Look-for tag: {0}</source>
        <translation>Foco de observación: {0}</translation>
    </message>
    <message>
        <source>Toggle with {0}</source>
        <translation>Marcar o desmarcar con {0}</translation>
    </message>
    <message>
        <source>{0}   ({1} starts the next note)</source>
        <translation>{0}   ({1} empieza la nota siguiente)</translation>
    </message>
    <message>
        <source>This note was changed on another laptop while it was open here; your text was kept as a separate note, next to the other version.</source>
        <translation>Esta nota se cambió en otro portátil mientras estaba abierta aquí; tu texto se guardó como una nota aparte, junto a la otra versión.</translation>
    </message>
</context>
<context>
    <name>NoteHistoryDialog</name>
    <message>
        <source>Earlier text of this note</source>
        <translation>Texto anterior de esta nota</translation>
    </message>
    <message>
        <source>When the facilitator changes a walker&apos;s note, the walker&apos;s own words are kept here. Oldest first; the text shown now is last.</source>
        <translation>Cuando el facilitador cambia la nota de un participante, las palabras originales del participante se guardan aquí. De la más antigua a la más reciente; el texto que se muestra ahora va al final.</translation>
    </message>
    <message>
        <source>The texts this note has shown, oldest first</source>
        <translation>Los textos que ha mostrado esta nota, del más antiguo al más reciente</translation>
    </message>
    <message>
        <source>Loading the note&apos;s history…</source>
        <translation>Cargando el historial de la nota…</translation>
    </message>
    <message>
        <source>the facilitator</source>
        <translation>el facilitador</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Written by {0} on {1}</source>
        <translation>Escrita por {0} el {1}</translation>
    </message>
    <message>
        <source>Shown now</source>
        <translation>Se muestra ahora</translation>
    </message>
    <message>
        <source>changed by {0} on {1}</source>
        <translation>cambiada por {0} el {1}</translation>
    </message>
    <message>
        <source>The note&apos;s history could not be read: {0}</source>
        <translation>No se pudo leer el historial de la nota: {0}</translation>
    </message>
</context>
<context>
    <name>NoteTaker</name>
    <message>
        <source>Whose notes these are</source>
        <translation>De quién son estas notas</translation>
    </message>
    <message>
        <source>Take your own notes, or type up a paper note-catcher for a walker.</source>
        <translation>Toma tus propias notas o pasa a limpio la hoja de notas en papel de un participante.</translation>
    </message>
    <message>
        <source>Add people to the roster (Plan → Roster and groups) to take notes.</source>
        <translation>Añade personas a la lista (Plan → Lista y grupos) para tomar notas.</translation>
    </message>
    <message>
        <source>Write as</source>
        <translation>Escribir como</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>facilitador</translation>
    </message>
    <message>
        <source>walker</source>
        <translation>participante</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Your notes</source>
        <translation>Tus notas</translation>
    </message>
    <message>
        <source>Whose notes to show</source>
        <translation>De quién mostrar las notas</translation>
    </message>
    <message>
        <source>Show everyone&apos;s notes of this visit, only yours, or one walker&apos;s</source>
        <translation>Mostrar las notas de todos en esta visita, solo las tuyas o las de un participante</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show who wrote each note</source>
        <translation>Mostrar quién escribió cada nota</translation>
    </message>
    <message>
        <source>Your notes in this visit</source>
        <translation>Tus notas en esta visita</translation>
    </message>
    <message>
        <source>No notes yet in this visit.
Type in the box to start.</source>
        <translation>Aún no hay notas en esta visita.
Escribe en el cuadro para empezar.</translation>
    </message>
    <message>
        <source>Another person&apos;s note: read-only here.</source>
        <translation>Nota de otra persona: aquí es de solo lectura.</translation>
    </message>
    <message>
        <source>To change it, choose their name under “Write as”.</source>
        <translation>Para cambiarla, elige su nombre en «Escribir como».</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar la nota</translation>
    </message>
    <message>
        <source>Delete the selected note</source>
        <translation>Eliminar la nota seleccionada</translation>
    </message>
    <message>
        <source>Delete the selected note (Delete key)</source>
        <translation>Eliminar la nota seleccionada (tecla Supr)</translation>
    </message>
    <message>
        <source>Show earlier text…</source>
        <translation>Mostrar el texto anterior…</translation>
    </message>
    <message>
        <source>Show the earlier text of the selected note: the walker&apos;s own words</source>
        <translation>Mostrar el texto anterior de la nota seleccionada: las palabras del propio participante</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer la eliminación</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Las mías</translation>
    </message>
    <message>
        <source>Your notes in {0}</source>
        <translation>Tus notas en {0}</translation>
    </message>
    <message>
        <source>Everyone&apos;s notes in {0}</source>
        <translation>Las notas de todos en {0}</translation>
    </message>
    <message>
        <source>{0}&apos;s notes in {1}</source>
        <translation>Las notas de {0} en {1}</translation>
    </message>
    <message>
        <source>A walker</source>
        <translation>Un participante</translation>
    </message>
    <message>
        <source>edited by the facilitator</source>
        <translation>editada por el facilitador</translation>
    </message>
    <message>
        <source>you</source>
        <translation>tú</translation>
    </message>
    <message>
        <source>someone not on the roster</source>
        <translation>alguien que no está en la lista</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Descartar este aviso</translation>
    </message>
</context>
<context>
    <name>Nudge</name>
    <message>
        <source>There is no word list for this walk&apos;s language (“{0}”): wording suggestions are in English.</source>
        <translation>No hay lista de palabras para el idioma de este recorrido («{0}»): las sugerencias de redacción están en inglés.</translation>
    </message>
    <message>
        <source>Wording suggestion for {0}</source>
        <translation>Sugerencia de redacción para {0}</translation>
    </message>
    <message>
        <source>“{0}” may be a person&apos;s name. Notes travel between laptops: describe the student instead.</source>
        <translation>«{0}» puede ser el nombre de una persona. Las notas viajan entre portátiles: describe al alumno en su lugar.</translation>
    </message>
    <message>
        <source>“{0}” says how it went. What did you see or hear that made it so?</source>
        <translation>«{0}» dice cómo fue. ¿Qué viste u oíste que te lo hizo pensar?</translation>
    </message>
    <message>
        <source>“{0}” sounds like a judgement. Describe what you saw or heard.</source>
        <translation>«{0}» suena a juicio de valor. Describe lo que viste u oíste.</translation>
    </message>
    <message>
        <source>“{0}” may be a name — {1}</source>
        <translation>«{0}» puede ser un nombre: {1}</translation>
    </message>
    <message>
        <source>describe the student instead</source>
        <translation>describe al alumno en su lugar</translation>
    </message>
    <message>
        <source>“{0}” — {1}</source>
        <translation>«{0}»: {1}</translation>
    </message>
    <message>
        <source>say what you saw that made it work</source>
        <translation>di qué viste que hizo que funcionara</translation>
    </message>
    <message>
        <source>“{0}” sounds like a judgement — try: {1}</source>
        <translation>«{0}» suena a juicio de valor; prueba: {1}</translation>
    </message>
    <message>
        <source>I noticed…</source>
        <translation>Observé…</translation>
    </message>
    <message>
        <source>(+{0} more)</source>
        <translation>(+{0} más)</translation>
    </message>
</context>
<context>
    <name>ObservationScreen</name>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>This walk has no visits yet</source>
        <translation>Este recorrido aún no tiene visitas</translation>
    </message>
    <message>
        <source>Add the route of visits when planning the walk; then notes can be taken here, one visit at a time.</source>
        <translation>Añade la ruta de visitas al planificar el recorrido; después podrás tomar notas aquí, visita a visita.</translation>
    </message>
    <message>
        <source>Loading the notes…</source>
        <translation>Cargando las notas…</translation>
    </message>
    <message>
        <source>Loading your notes…</source>
        <translation>Cargando tus notas…</translation>
    </message>
    <message>
        <source>the note could not be saved.</source>
        <translation>la nota no se pudo guardar.</translation>
    </message>
    <message>
        <source>Your note is not saved</source>
        <translation>Tu nota no está guardada</translation>
    </message>
    <message>
        <source>The note you are typing could not be saved: {0}

Close anyway and lose it? Choose Cancel, copy the text somewhere safe, or try again.</source>
        <translation>La nota que estás escribiendo no se pudo guardar: {0}

¿Cerrar de todos modos y perderla? Elige Cancelar, copia el texto en un lugar seguro o inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Close and lose it</source>
        <translation>Cerrar y perderla</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Eliminando…</translation>
    </message>
    <message>
        <source>Focus: {0}</source>
        <translation>Foco: {0}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Your notes could not be read: {0}</source>
        <translation>No se pudieron leer tus notas: {0}</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>Nota eliminada.</translation>
    </message>
    <message>
        <source>The note was not deleted: {0}</source>
        <translation>La nota no se eliminó: {0}</translation>
    </message>
</context>
<context>
    <name>OpenKitController</name>
    <message>
        <source>Open walk kit</source>
        <translation>Abrir un paquete del recorrido</translation>
    </message>
    <message>
        <source>Cannot open the walk kit</source>
        <translation>No se puede abrir el paquete del recorrido</translation>
    </message>
    <message>
        <source>is ready</source>
        <translation>está listo</translation>
    </message>
    <message>
        <source>was updated</source>
        <translation>se actualizó</translation>
    </message>
    <message>
        <source>“{0}” {1} on this laptop for {2}.</source>
        <translation>«{0}» {1} en este portátil para {2}.</translation>
    </message>
    <message>
        <source>Walk kit opened</source>
        <translation>Paquete del recorrido abierto</translation>
    </message>
    <message>
        <source>Opening the walk kit…</source>
        <translation>Abriendo el paquete del recorrido…</translation>
    </message>
</context>
<context>
    <name>OpeningScreen</name>
    <message>
        <source>← All walks</source>
        <translation>← Todos los recorridos</translation>
    </message>
    <message>
        <source>Stop opening the walk and go back to all walks</source>
        <translation>Dejar de abrir el recorrido y volver a todos los recorridos</translation>
    </message>
    <message>
        <source>Opening the walk…</source>
        <translation>Abriendo el recorrido…</translation>
    </message>
    <message>
        <source>Opening the walk</source>
        <translation>Abriendo el recorrido</translation>
    </message>
</context>
<context>
    <name>OpeningText</name>
    <message>
        <source>The walk could not be opened</source>
        <translation>No se pudo abrir el recorrido</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>As {0}:</source>
        <translation>Como {0}:</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>Your role: {0}</source>
        <translation>Tu rol: {0}</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Foco</translation>
    </message>
    <message>
        <source>No focus written yet.</source>
        <translation>Aún no hay foco escrito.</translation>
    </message>
    <message>
        <source>Our norms</source>
        <translation>Nuestras normas</translation>
    </message>
    <message>
        <source>No norms recorded.</source>
        <translation>No hay normas registradas.</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Focos de observación</translation>
    </message>
    <message>
        <source>No look-fors agreed.</source>
        <translation>No hay focos de observación acordados.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>{0} in each room, {1} of corridor talk between rooms and after the last.</source>
        <translation>{0} en cada aula, {1} de conversación de pasillo entre aulas y después de la última.</translation>
    </message>
    <message>
        <source>{0} in each room, {1} of corridor talk between rooms.</source>
        <translation>{0} en cada aula, {1} de conversación de pasillo entre aulas.</translation>
    </message>
    <message>
        <source>The route of visits is not planned yet.</source>
        <translation>La ruta de visitas aún no está planificada.</translation>
    </message>
</context>
<context>
    <name>OwnerDelegate</name>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Start the pre-brief</source>
        <translation>Empezar la sesión previa</translation>
    </message>
    <message>
        <source>Go to Observation</source>
        <translation>Ir a Observación</translation>
    </message>
    <message>
        <source>Go to the post-brief</source>
        <translation>Ir a la sesión posterior</translation>
    </message>
    <message>
        <source>Opens the pre-brief at its first step; its timer starts when you press Start.</source>
        <translation>Abre la sesión previa en su primer paso; su temporizador empieza cuando pulses Empezar.</translation>
    </message>
    <message>
        <source>Opens the observation: the visits and the note-taker.</source>
        <translation>Abre la observación: las visitas y la toma de notas.</translation>
    </message>
    <message>
        <source>Opens the post-brief at its first step.</source>
        <translation>Abre la sesión posterior en su primer paso.</translation>
    </message>
    <message>
        <source>Export the debrief…</source>
        <translation>Exportar la puesta en común…</translation>
    </message>
    <message>
        <source>Choose where to save the debrief report as a PDF.</source>
        <translation>Elegir dónde guardar el informe de la puesta en común como PDF.</translation>
    </message>
    <message>
        <source>Close the walk</source>
        <translation>Cerrar el recorrido</translation>
    </message>
    <message>
        <source>Back to all walks. Everything is saved; the walk can be opened again at any time.</source>
        <translation>Volver a todos los recorridos. Todo está guardado; el recorrido se puede volver a abrir cuando quieras.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Title, date, focus, look-fors, norms, roster and route.</source>
        <translation>Título, fecha, foco, focos de observación, normas, lista y ruta.</translation>
    </message>
    <message>
        <source>Pre-brief</source>
        <translation>Sesión previa</translation>
    </message>
    <message>
        <source>The protocol&apos;s opening steps, each with a timer.</source>
        <translation>Los pasos iniciales del protocolo, cada uno con su temporizador.</translation>
    </message>
    <message>
        <source>The observation steps, visits with a countdown, and the note-taker.</source>
        <translation>Los pasos de observación, las visitas con cuenta atrás y la toma de notas.</translation>
    </message>
    <message>
        <source>The observation steps, each with a timer.</source>
        <translation>Los pasos de observación, cada uno con su temporizador.</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>Post-brief</source>
        <translation>Sesión posterior</translation>
    </message>
    <message>
        <source>Evidence, patterns, commitments and next steps.</source>
        <translation>Evidencias, patrones, compromisos y próximos pasos.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Debrief report, agenda, note-catcher and more, as PDF.</source>
        <translation>Informe de la puesta en común, agenda, hoja de notas y más, en PDF.</translation>
    </message>
    <message>
        <source>My walk</source>
        <translation>Mi recorrido</translation>
    </message>
    <message>
        <source>The walk&apos;s focus, norms and look-fors, and your own notes.</source>
        <translation>El foco, las normas y los focos de observación del recorrido, y tus propias notas.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>That passphrase does not open “{0}”. Check it with the person who made the file (capitals count) and type it again:</source>
        <translation>Esa contraseña no abre «{0}». Compruébala con la persona que hizo el archivo (las mayúsculas cuentan) y escríbela otra vez:</translation>
    </message>
    <message>
        <source>“{0}” is protected with a passphrase. Type it:</source>
        <translation>«{0}» está protegido con contraseña. Escríbela:</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Mostrar la contraseña</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Abrir el archivo</translation>
    </message>
</context>
<context>
    <name>PatternsPanel</name>
    <message>
        <source>Patterns</source>
        <translation>Patrones</translation>
    </message>
    <message>
        <source>Take the stages in order, one at a time. Leave judgements out.</source>
        <translation>Las etapas, en orden y de una en una. Los juicios de valor se quedan fuera.</translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <source>{0} statements</source>
        <translation>Afirmaciones de {0}</translation>
    </message>
    <message>
        <source>A statement for “{0}”</source>
        <translation>Una afirmación para «{0}»</translation>
    </message>
    <message>
        <source>Other statements</source>
        <translation>Otras afirmaciones</translation>
    </message>
    <message>
        <source>Kept from earlier under a stage this protocol does not use ({0}).</source>
        <translation>Conservadas de antes en una etapa que este protocolo no usa ({0}).</translation>
    </message>
    <message>
        <source>Select a statement and choose Edit to change it</source>
        <translation>Selecciona una afirmación y elige Editar para cambiarla</translation>
    </message>
    <message>
        <source>Delete statement</source>
        <translation>Eliminar la afirmación</translation>
    </message>
    <message>
        <source>Delete this statement? This cannot be undone.</source>
        <translation>¿Eliminar esta afirmación? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>PlanAgainDialog</name>
    <message>
        <source>Plan again</source>
        <translation>Planificar de nuevo</translation>
    </message>
    <message>
        <source>The next walk of the series “{0}”: walk {1}.</source>
        <translation>El siguiente recorrido de la serie «{0}»: recorrido {1}.</translation>
    </message>
    <message>
        <source>Title of the next walk</source>
        <translation>Título del siguiente recorrido</translation>
    </message>
    <message>
        <source>Date of the next walk</source>
        <translation>Fecha del siguiente recorrido</translation>
    </message>
    <message>
        <source>Visit the same rooms again ({0})</source>
        <translation>Visitar de nuevo las mismas aulas ({0})</translation>
    </message>
    <message>
        <source>Copy the route of visits too</source>
        <translation>Copiar también la ruta de visitas</translation>
    </message>
    <message>
        <source>Off by default: a series learns more from rooms it has not seen yet.</source>
        <translation>Desactivado por defecto: una serie aprende más de las aulas que aún no ha visto.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>Stays behind: notes, reflections, commitments, answers, patterns, next steps and feedback. Open commitments and action items come back for review in the next walk&apos;s pre-brief.</source>
        <translation>Se quedan atrás: notas, reflexiones, compromisos, respuestas, patrones, próximos pasos y valoraciones. Los compromisos y las acciones acordadas abiertos vuelven para revisarse en la sesión previa del siguiente recorrido.</translation>
    </message>
    <message>
        <source>Plan the walk</source>
        <translation>Planificar el recorrido</translation>
    </message>
    <message>
        <source>Plan the next walk</source>
        <translation>Planificar el siguiente recorrido</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>the protocol</source>
        <translation>el protocolo</translation>
    </message>
    <message>
        <source> in {0}</source>
        <translation> en {0}</translation>
    </message>
    <message>
        <source> (to agree again)</source>
        <translation> (para volver a acordarlo)</translation>
    </message>
    <message>
        <source>{0}-minute visits</source>
        <translation>visitas de {0} minutos</translation>
    </message>
    <message>
        <source>the privacy settings</source>
        <translation>los ajustes de privacidad</translation>
    </message>
    <message>
        <source>the focus</source>
        <translation>el foco</translation>
    </message>
    <message>
        <source>Comes along: {0}.</source>
        <translation>Se traslada: {0}.</translation>
    </message>
    <message>
        <source>Give the next walk a title.</source>
        <translation>Ponle un título al siguiente recorrido.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Parts of the plan</source>
        <translation>Partes del plan</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Focos de observación</translation>
    </message>
    <message>
        <source>Norms</source>
        <translation>Normas</translation>
    </message>
    <message>
        <source>Roster and groups</source>
        <translation>Lista y grupos</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
</context>
<context>
    <name>PortfolioDialog</name>
    <message>
        <source>Export portfolio</source>
        <translation>Exportar portafolio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>What goes in</source>
        <translation>Qué incluye</translation>
    </message>
    <message>
        <source>Walkers who agreed to be named beside their reflections</source>
        <translation>Participantes que aceptaron que su nombre aparezca junto a sus reflexiones</translation>
    </message>
    <message>
        <source>Named beside their reflections</source>
        <translation>Con su nombre junto a sus reflexiones</translation>
    </message>
    <message>
        <source>Tick a walker only if they agreed. The others&apos; reflections are signed “Walker A”, “Walker B”…</source>
        <translation>Marca a un participante solo si lo aceptó. Las reflexiones de los demás van firmadas «Participante A», «Participante B»…</translation>
    </message>
    <message>
        <source>Log entries to put in the portfolio</source>
        <translation>Entradas del registro para el portafolio</translation>
    </message>
    <message>
        <source>&amp;Replace names with “a teacher” (recommended)</source>
        <translation>&amp;Sustituir los nombres por «una persona docente» (recomendado)</translation>
    </message>
    <message>
        <source>The chosen entries as the portfolio prints them</source>
        <translation>Las entradas elegidas tal como las imprime el portafolio</translation>
    </message>
    <message>
        <source>Communication log: only the entries you tick</source>
        <translation>Registro de comunicación: solo las entradas que marques</translation>
    </message>
    <message>
        <source>What the export did last</source>
        <translation>Lo último que hizo la exportación</translation>
    </message>
    <message>
        <source>&amp;Save portfolio…</source>
        <translation>&amp;Guardar portafolio…</translation>
    </message>
    <message>
        <source>No walks in this period.</source>
        <translation>No hay recorridos en este periodo.</translation>
    </message>
    <message>
        <source>{0} in this period.</source>
        <translation>{0} en este periodo.</translation>
    </message>
    <message>
        <source>No entries ticked: the log stays out of the portfolio.</source>
        <translation>Ninguna entrada marcada: el registro queda fuera del portafolio.</translation>
    </message>
    <message>
        <source>Give the period a first and a last day.</source>
        <translation>Ponle al periodo un primer y un último día.</translation>
    </message>
    <message>
        <source>Portfolio {0} to {1}.zip</source>
        <translation>Portafolio {0} a {1}.zip</translation>
    </message>
    <message>
        <source>Save portfolio</source>
        <translation>Guardar portafolio</translation>
    </message>
    <message>
        <source>Zip files (*.zip);;All files (*)</source>
        <translation>Archivos zip (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Making the portfolio…</source>
        <translation>Preparando el portafolio…</translation>
    </message>
    <message>
        <source>The portfolio was saved to {0} ({1}).</source>
        <translation>El portafolio se guardó en {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>PostBrief</name>
    <message>
        <source>I noticed</source>
        <translation>Observé</translation>
    </message>
    <message>
        <source>I wonder</source>
        <translation>Me pregunto</translation>
    </message>
    <message>
        <source>I will try</source>
        <translation>Voy a probar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>Describir</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predecir</translation>
    </message>
    <message>
        <source>Next level of work</source>
        <translation>Siguiente nivel de trabajo</translation>
    </message>
    <message>
        <source>Visit {0}</source>
        <translation>Visita {0}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Try loading again</source>
        <translation>Intentar cargar de nuevo</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Could not load this part of the post-brief: {0}</source>
        <translation>No se pudo cargar esta parte de la sesión posterior: {0}</translation>
    </message>
</context>
<context>
    <name>PostBriefWorkspace</name>
    <message>
        <source>Evidence wall</source>
        <translation>Muro de evidencias</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Patrones</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Compromisos</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Acciones acordadas</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Post-brief sections</source>
        <translation>Secciones de la sesión posterior</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Same as the system ({0})</source>
        <translation>Igual que el sistema ({0})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of walkapp&apos;s screens.</source>
        <translation>El idioma de las pantallas de walkapp.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>walkapp starts in this language. A language given with {0} on the command line comes first.</source>
        <translation>walkapp se abre en este idioma. Un idioma indicado con {0} en la línea de órdenes tiene prioridad.</translation>
    </message>
    <message>
        <source>The new language is used from the next time walkapp starts. Everything you typed stays as you wrote it.</source>
        <translation>El nuevo idioma se usa a partir de la próxima vez que se abra walkapp. Todo lo que escribiste se queda tal como lo escribiste.</translation>
    </message>
</context>
<context>
    <name>PreviewBar</name>
    <message>
        <source>Start this step</source>
        <translation>Empezar este paso</translation>
    </message>
    <message>
        <source>Start this step now</source>
        <translation>Empezar este paso ahora</translation>
    </message>
    <message>
        <source>Back to the running step</source>
        <translation>Volver al paso en curso</translation>
    </message>
</context>
<context>
    <name>PromptInput</name>
    <message>
        <source>One item per line</source>
        <translation>Un elemento por línea</translation>
    </message>
    <message>
        <source>Type here</source>
        <translation>Escribe aquí</translation>
    </message>
</context>
<context>
    <name>ProtocolsMenu</name>
    <message>
        <source>&amp;Import a protocol file…</source>
        <translation>&amp;Importar un archivo de protocolo…</translation>
    </message>
    <message>
        <source>&amp;Copy a protocol to adapt…</source>
        <translation>&amp;Copiar un protocolo para adaptarlo…</translation>
    </message>
    <message>
        <source>Open &amp;my protocols folder</source>
        <translation>Abrir la carpeta de &amp;mis protocolos</translation>
    </message>
    <message>
        <source>&amp;Check my protocol files</source>
        <translation>Com&amp;probar mis archivos de protocolo</translation>
    </message>
    <message>
        <source>Import a protocol file</source>
        <translation>Importar un archivo de protocolo</translation>
    </message>
    <message>
        <source>Protocol files (*.toml);;All files (*)</source>
        <translation>Archivos de protocolo (*.toml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The protocol was not imported</source>
        <translation>No se importó el protocolo</translation>
    </message>
    <message>
        <source>Protocol imported</source>
        <translation>Protocolo importado</translation>
    </message>
    <message>
        <source>“{0}” is in your library; choose it when you start a new walk.</source>
        <translation>«{0}» está en tu biblioteca; elígelo cuando empieces un recorrido nuevo.</translation>
    </message>
    <message>
        <source>Copy a protocol</source>
        <translation>Copiar un protocolo</translation>
    </message>
    <message>
        <source>Which protocol do you want to adapt? The copy goes into your own protocols folder, where any text editor can change it.</source>
        <translation>¿Qué protocolo quieres adaptar? La copia va a tu propia carpeta de protocolos, donde cualquier editor de texto puede cambiarla.</translation>
    </message>
    <message>
        <source>The protocol was not copied</source>
        <translation>No se copió el protocolo</translation>
    </message>
    <message>
        <source>Protocol copied</source>
        <translation>Protocolo copiado</translation>
    </message>
    <message>
        <source>“{0}” was saved as {1}. Edit it in a text editor; walkapp checks it the next time it starts or you choose Protocols → Check my protocol files.</source>
        <translation>«{0}» se guardó como {1}. Edítalo en un editor de texto; walkapp lo comprueba la próxima vez que se abra o cuando elijas Protocolos → Comprobar mis archivos de protocolo.</translation>
    </message>
    <message>
        <source>Some protocol files were skipped</source>
        <translation>Se omitieron algunos archivos de protocolo</translation>
    </message>
    <message>
        <source>Protocol files</source>
        <translation>Archivos de protocolo</translation>
    </message>
    <message>
        <source>All {0} protocols in the library are fine.</source>
        <translation>Los {0} protocolos de la biblioteca están bien.</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>How useful was this walk for your own teaching?</source>
        <translation>¿Qué utilidad tuvo este recorrido para tu propia enseñanza?</translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Very much</source>
        <translation>Mucha</translation>
    </message>
    <message>
        <source>What helped you learn today, and should stay next time?</source>
        <translation>¿Qué te ayudó a aprender hoy y debería mantenerse la próxima vez?</translation>
    </message>
    <message>
        <source>What one change would make the next walk better for you?</source>
        <translation>¿Qué cambio haría que el próximo recorrido fuera mejor para ti?</translation>
    </message>
</context>
<context>
    <name>RatingScale</name>
    <message>
        <source>Press {0} to choose this point</source>
        <translation>Pulsa {0} para elegir este punto</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>No corresponde</translation>
    </message>
    <message>
        <source>{0}: not applicable</source>
        <translation>{0}: no corresponde</translation>
    </message>
</context>
<context>
    <name>ReflectionEditor</name>
    <message>
        <source>Write for yourself; this stays with you until you hand your notes back.</source>
        <translation>Escribe para ti; esto se queda contigo hasta que entregues tus notas.</translation>
    </message>
</context>
<context>
    <name>Reflections</name>
    <message>
        <source>I will try…</source>
        <translation>Voy a probar…</translation>
    </message>
    <message>
        <source>What did you notice about your own practice?</source>
        <translation>¿Qué observaste sobre tu propia práctica?</translation>
    </message>
    <message>
        <source>What question will you take back to your own classroom?</source>
        <translation>¿Qué pregunta te llevarás a tu propia aula?</translation>
    </message>
</context>
<context>
    <name>ReflectionsPanel</name>
    <message>
        <source>Your reflections</source>
        <translation>Tus reflexiones</translation>
    </message>
    <message>
        <source>A few minutes for yourself: what did today&apos;s visits show you about your own teaching?</source>
        <translation>Unos minutos para ti: ¿qué te mostraron las visitas de hoy sobre tu propia enseñanza?</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <source>Show them…</source>
        <translation>Verlas…</translation>
    </message>
    <message>
        <source>Show the action items that are due</source>
        <translation>Ver las acciones acordadas que vencen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Hide this reminder</source>
        <translation>Ocultar este recordatorio</translation>
    </message>
</context>
<context>
    <name>ReportFile</name>
    <message>
        <source>Save the report as</source>
        <translation>Guardar el informe como</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>No notes yet</source>
        <translation>Aún no hay notas</translation>
    </message>
    <message>
        <source>The debrief report is made of the walkers&apos; notes. Take notes on the Observation page, or import the walkers&apos; notes files (File ▸ Import walkers&apos; notes).</source>
        <translation>El informe de la puesta en común se hace con las notas de los participantes. Toma notas en la página Observación o importa los archivos de notas de los participantes (Archivo ▸ Importar las notas de los participantes).</translation>
    </message>
    <message>
        <source>Learn more: walkers&apos; laptops and notes files</source>
        <translation>Más información: los portátiles de los participantes y los archivos de notas</translation>
    </message>
    <message>
        <source>Reports are PDF files made on this computer. Teacher names appear only if the walk records them (Plan → Details).</source>
        <translation>Los informes son archivos PDF hechos en este ordenador. Los nombres de los docentes solo aparecen si el recorrido los registra (Plan → Detalles).</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>Exportar {0}</translation>
    </message>
    <message>
        <source>Make the {0} as a PDF file</source>
        <translation>Hacer {0} como archivo PDF</translation>
    </message>
    <message>
        <source>Plan the next walk…</source>
        <translation>Planificar el siguiente recorrido…</translation>
    </message>
    <message>
        <source>Plan the next walk of this series</source>
        <translation>Planificar el siguiente recorrido de esta serie</translation>
    </message>
    <message>
        <source>The next walk</source>
        <translation>El siguiente recorrido</translation>
    </message>
    <message>
        <source>The same group, protocol, look-fors and norms, a new date. Open commitments and action items come back for review at its pre-brief.</source>
        <translation>El mismo grupo, protocolo, focos de observación y normas, con una fecha nueva. Los compromisos y las acciones acordadas abiertos vuelven para revisarse en su sesión previa.</translation>
    </message>
</context>
<context>
    <name>Resume</name>
    <message>
        <source>walkapp did not close properly last time. Everything that was shown as “Saved” is safe.</source>
        <translation>walkapp no se cerró bien la última vez. Todo lo que se mostraba como «Guardado» está a salvo.</translation>
    </message>
    <message>
        <source>walkapp did not close properly last time. Your notes are safe up to {0}, the last one saved. If you were typing after that, check that note.</source>
        <translation>walkapp no se cerró bien la última vez. Tus notas están a salvo hasta las {0}, la última guardada. Si estabas escribiendo después, revisa esa nota.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Walker</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>I will try…</source>
        <translation>Voy a probar…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Open commitments</source>
        <translation>Compromisos abiertos</translation>
    </message>
    <message>
        <source>We tried it</source>
        <translation>Lo probamos</translation>
    </message>
    <message>
        <source>Mark commitment as tried</source>
        <translation>Marcar el compromiso como probado</translation>
    </message>
    <message>
        <source>Let it go</source>
        <translation>Dejarlo</translation>
    </message>
    <message>
        <source>Mark commitment as dropped</source>
        <translation>Marcar el compromiso como abandonado</translation>
    </message>
    <message>
        <source>What happened? (optional)</source>
        <translation>¿Qué pasó? (opcional)</translation>
    </message>
    <message>
        <source>Note on the commitment</source>
        <translation>Nota sobre el compromiso</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Acción acordada</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Acciones acordadas abiertas</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Mark action item done</source>
        <translation>Marcar la acción acordada como hecha</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Sigue abierta</translation>
    </message>
    <message>
        <source>Note progress, keep it open</source>
        <translation>Anotar el avance y dejarla abierta</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Drop action item</source>
        <translation>Descartar la acción acordada</translation>
    </message>
    <message>
        <source>Follow-up note (optional)</source>
        <translation>Nota de seguimiento (opcional)</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>Nota de seguimiento</translation>
    </message>
    <message>
        <source>This walk is not part of a series, so nothing carries over from other walks. To bring a group&apos;s open commitments and action items to its next walk, plan that walk with “Plan again…” (in the File menu or the list of walks).</source>
        <translation>Este recorrido no forma parte de una serie, así que no se trae nada de otros recorridos. Para llevar los compromisos y las acciones acordadas abiertos de un grupo a su siguiente recorrido, planifícalo con «Planificar de nuevo…» (en el menú Archivo o en la lista de recorridos).</translation>
    </message>
    <message>
        <source>The first walk of the series “{0}”: nothing to carry over yet.</source>
        <translation>El primer recorrido de la serie «{0}»: aún no hay nada que traer.</translation>
    </message>
    <message>
        <source>From the earlier walks of the series “{0}” (this is walk {1} of {2}).</source>
        <translation>De los recorridos anteriores de la serie «{0}» (este es el recorrido {1} de {2}).</translation>
    </message>
    <message>
        <source>Commitments from earlier walks ({0} open)</source>
        <translation>Compromisos de recorridos anteriores ({0} abiertos)</translation>
    </message>
    <message>
        <source>Commitments from earlier walks: none open.</source>
        <translation>Compromisos de recorridos anteriores: ninguno abierto.</translation>
    </message>
    <message>
        <source>Action items from earlier walks ({0} open)</source>
        <translation>Acciones acordadas de recorridos anteriores ({0} abiertas)</translation>
    </message>
    <message>
        <source>Action items from earlier walks: none open.</source>
        <translation>Acciones acordadas de recorridos anteriores: ninguna abierta.</translation>
    </message>
    <message>
        <source>Select a commitment first.</source>
        <translation>Selecciona primero un compromiso.</translation>
    </message>
    <message>
        <source>Select an action item first.</source>
        <translation>Selecciona primero una acción acordada.</translation>
    </message>
</context>
<context>
    <name>RoleScripts</name>
    <message>
        <source>What each role does in this step</source>
        <translation>Qué hace cada rol en este paso</translation>
    </message>
</context>
<context>
    <name>RolesBox</name>
    <message>
        <source>Given to walkers at planning; each is asked: {0}.</source>
        <translation>Se asignan a los participantes al planificar; a cada uno se le pregunta: {0}.</translation>
    </message>
    <message>
        <source>Given to walkers at planning.</source>
        <translation>Se asignan a los participantes al planificar.</translation>
    </message>
    <message>
        <source>Their laptop shows them: {0}</source>
        <translation>Su portátil les muestra: {0}</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <source>Small groups of {0} let everyone speak. Names stay on this laptop.</source>
        <translation>Los grupos pequeños de {0} permiten que todos hablen. Los nombres se quedan en este portátil.</translation>
    </message>
    <message>
        <source>Roles in this protocol</source>
        <translation>Roles de este protocolo</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Walker&apos;s name</source>
        <translation>Nombre del participante</translation>
    </message>
    <message>
        <source>New walker&apos;s name</source>
        <translation>Nombre del nuevo participante</translation>
    </message>
    <message>
        <source>Add walker</source>
        <translation>Añadir participante</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove selected person</source>
        <translation>Quitar a la persona seleccionada</translation>
    </message>
    <message>
        <source>Put in group…</source>
        <translation>Poner en un grupo…</translation>
    </message>
    <message>
        <source>Put the selected walkers in a group</source>
        <translation>Poner a los participantes seleccionados en un grupo</translation>
    </message>
    <message>
        <source>Select several walkers (Shift+arrows or Ctrl+click), then put them all in one group. Shortcut: {0}.</source>
        <translation>Selecciona varios participantes (Mayús+flechas o Ctrl+clic) y ponlos a todos en un grupo. Atajo: {0}.</translation>
    </message>
    <message>
        <source>Group name, e.g. Group B</source>
        <translation>Nombre del grupo, p. ej. Grupo B</translation>
    </message>
    <message>
        <source>New group&apos;s name</source>
        <translation>Nombre del nuevo grupo</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Añadir grupo</translation>
    </message>
    <message>
        <source>Walker</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador</translation>
    </message>
    <message>
        <source>No group</source>
        <translation>Sin grupo</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>this protocol suggests groups of {0}.</source>
        <translation>este protocolo sugiere grupos de {0}.</translation>
    </message>
    <message>
        <source>{0} in one group: this protocol suggests groups of {1}.</source>
        <translation>{0} en un grupo: este protocolo sugiere grupos de {1}.</translation>
    </message>
    <message>
        <source>Add groups to split them.</source>
        <translation>Añade grupos para repartirlos.</translation>
    </message>
    <message>
        <source>{0} to {1} walkers</source>
        <translation>{0} a {1} participantes</translation>
    </message>
    <message>
        <source>Remove {0}?</source>
        <translation>¿Quitar a {0}?</translation>
    </message>
    <message>
        <source>Remove them?</source>
        <translation>¿Quitarlos?</translation>
    </message>
    <message>
        <source>Put in group</source>
        <translation>Poner en un grupo</translation>
    </message>
    <message>
        <source>Select the walkers first: click one, then Shift+click or Ctrl+click the others (or Shift+arrows).</source>
        <translation>Primero selecciona a los participantes: haz clic en uno y luego Mayús+clic o Ctrl+clic en los demás (o Mayús+flechas).</translation>
    </message>
    <message>
        <source>Add a group first: type its name below the table and press Add group.</source>
        <translation>Primero añade un grupo: escribe su nombre debajo de la tabla y pulsa Añadir grupo.</translation>
    </message>
    <message>
        <source>Put {0} in which group?</source>
        <translation>¿En qué grupo poner a {0}?</translation>
    </message>
</context>
<context>
    <name>RosterRoles</name>
    <message>
        <source>Protocol role</source>
        <translation>Rol del protocolo</translation>
    </message>
    <message>
        <source>Role detail</source>
        <translation>Detalle del rol</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>Sin rol</translation>
    </message>
    <message>
        <source>The roles of this protocol that walkers take on.</source>
        <translation>Los roles de este protocolo que asumen los participantes.</translation>
    </message>
    <message>
        <source>This role asks for no detail.</source>
        <translation>Este rol no pide ningún detalle.</translation>
    </message>
    <message>
        <source>No one has the role {0} yet, and the protocol&apos;s steps give it things to do. Choose someone under Protocol role, or share it out on the day.</source>
        <translation>Nadie tiene todavía el rol {0}, y los pasos del protocolo le dan tareas. Elige a alguien en Rol del protocolo o repartidlo el mismo día.</translation>
    </message>
    <message>
        <source>No one has the roles {0} yet, and the protocol&apos;s steps give them things to do. Choose someone for each under Protocol role, or share them out on the day.</source>
        <translation>Nadie tiene todavía los roles {0}, y los pasos del protocolo les dan tareas. Elige a alguien para cada uno en Rol del protocolo o repartidlos el mismo día.</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>Visits are numbered, not named. Room, grade and subject help the group find its way; all are optional. Type into the table as into a spreadsheet: Tab moves along, Enter moves down, Tab from the last cell adds a visit.</source>
        <translation>Las visitas van numeradas, no tienen nombre. El aula, el curso y la asignatura ayudan al grupo a orientarse; todo es opcional. Escribe en la tabla como en una hoja de cálculo: Tab avanza, Intro baja, y Tab desde la última celda añade una visita.</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Route of visits</source>
        <translation>Ruta de visitas</translation>
    </message>
    <message>
        <source>Number of visits to add</source>
        <translation>Número de visitas que añadir</translation>
    </message>
    <message>
        <source>Add visits</source>
        <translation>Añadir visitas</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Move selected visit earlier</source>
        <translation>Mover la visita seleccionada antes</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Move selected visit later</source>
        <translation>Mover la visita seleccionada después</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove selected visit</source>
        <translation>Quitar la visita seleccionada</translation>
    </message>
    <message>
        <source>Remove this visit?</source>
        <translation>¿Quitar esta visita?</translation>
    </message>
    <message>
        <source>Remove it?</source>
        <translation>¿Quitarlo?</translation>
    </message>
</context>
<context>
    <name>SampleText</name>
    <message>
        <source>Creating the sample walk…</source>
        <translation>Creando el recorrido de ejemplo…</translation>
    </message>
    <message>
        <source>The sample walk is ready.</source>
        <translation>El recorrido de ejemplo está listo.</translation>
    </message>
    <message>
        <source>The sample walk was not created</source>
        <translation>No se creó el recorrido de ejemplo</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>Save status: {0}</source>
        <translation>Estado del guardado: {0}</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry saving: {0}</source>
        <translation>Reintentar el guardado: {0}</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>Reintentar el guardado</translation>
    </message>
    <message>
        <source>Try to save this text again</source>
        <translation>Intentar guardar este texto otra vez</translation>
    </message>
    <message>
        <source>Autosave is on</source>
        <translation>El guardado automático está activado</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>Esperando a la base de datos…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>SeriesFilter</name>
    <message>
        <source>Show the walks of one series</source>
        <translation>Mostrar los recorridos de una serie</translation>
    </message>
    <message>
        <source>Any series</source>
        <translation>Cualquier serie</translation>
    </message>
</context>
<context>
    <name>SeriesTrendsWindow</name>
    <message>
        <source>Series trends</source>
        <translation>Tendencias de la serie</translation>
    </message>
    <message>
        <source>Reading the series…</source>
        <translation>Leyendo la serie…</translation>
    </message>
    <message>
        <source>What the group&apos;s walks show over time, as group figures: never a visit, a teacher or a walker.</source>
        <translation>Lo que muestran con el tiempo los recorridos del grupo, en cifras del grupo: nunca una visita, un docente ni un participante.</translation>
    </message>
    <message>
        <source>Look-for evidence, walk by walk</source>
        <translation>Evidencias por foco de observación, recorrido a recorrido</translation>
    </message>
    <message>
        <source>Notes in the record tagged with each look-for, walk by walk (“—”: not a look-for of that walk). Notes held back from the records are not counted.</source>
        <translation>Notas del registro etiquetadas con cada foco de observación, recorrido a recorrido («—»: no era un foco de ese recorrido). Las notas retenidas fuera de los registros no se cuentan.</translation>
    </message>
    <message>
        <source>Follow-through, walk by walk</source>
        <translation>Seguimiento de lo acordado, recorrido a recorrido</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source>Tried</source>
        <translation>Probados</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Dejados de lado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hechas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartadas</translation>
    </message>
    <message>
        <source>Commitments (tried, not yet, set aside) as reviewed at the next walk, and action items (done, open, overdue, dropped), by the walk they were made at. Group totals only: each walker&apos;s own commitments are in their growth journal.</source>
        <translation>Los compromisos (probados, aún no, dejados de lado), tal como se revisaron en el recorrido siguiente, y las acciones acordadas (hechas, pendientes, vencidas, descartadas), según el recorrido en que se acordaron. Solo totales del grupo: los compromisos de cada participante están en su diario de crecimiento.</translation>
    </message>
    <message>
        <source>No look-fors in this series</source>
        <translation>Esta serie no tiene focos de observación</translation>
    </message>
    <message>
        <source>Look-fors are chosen when a walk is planned (Plan ▸ Look-fors).</source>
        <translation>Los focos de observación se eligen al planificar un recorrido (Planificar ▸ Focos de observación).</translation>
    </message>
    <message>
        <source>No ratings yet</source>
        <translation>Aún no hay valoraciones</translation>
    </message>
    <message>
        <source>Ratings come from a step with rating statements, such as the PLC mirror&apos;s.</source>
        <translation>Las valoraciones vienen de un paso con afirmaciones para valorar, como las del espejo de la comunidad profesional.</translation>
    </message>
    <message>
        <source>No commitments or action items yet</source>
        <translation>Aún no hay compromisos ni acciones acordadas</translation>
    </message>
    <message>
        <source>They are recorded at each walk&apos;s post-brief.</source>
        <translation>Se registran en la reflexión posterior de cada recorrido.</translation>
    </message>
    <message>
        <source>Look-for evidence</source>
        <translation>Evidencias por foco</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Valoraciones</translation>
    </message>
    <message>
        <source>Follow-through</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Nothing to show yet</source>
        <translation>Aún no hay nada que mostrar</translation>
    </message>
    <message>
        <source>Trends appear once the series&apos; walks have notes tagged with look-fors, ratings, commitments or action items.</source>
        <translation>Las tendencias aparecen cuando los recorridos de la serie tienen notas etiquetadas con focos de observación, valoraciones, compromisos o acciones acordadas.</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Exportar como PDF…</translation>
    </message>
    <message>
        <source>Export the series trends as a PDF</source>
        <translation>Exportar las tendencias de la serie como PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Series trends: {0}</source>
        <translation>Tendencias de la serie: {0}</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>del {0} al {1}</translation>
    </message>
    <message>
        <source>One walk, not part of a series · {0}. Plan again to continue it as a series.</source>
        <translation>Un recorrido que no forma parte de una serie · {0}. Usa «Planificar de nuevo» para continuarlo como serie.</translation>
    </message>
    <message>
        <source>Walk {0}
{1}</source>
        <translation>Recorrido {0}
{1}</translation>
    </message>
    <message>
        <source>Look-for</source>
        <translation>Foco de observación</translation>
    </message>
    <message>
        <source>Walk {0} · {1} · {2}</source>
        <translation>Recorrido {0} · {1} · {2}</translation>
    </message>
    <message>
        <source>All walks</source>
        <translation>Todos los recorridos</translation>
    </message>
    <message>
        <source>The series could not be read</source>
        <translation>No se pudo leer la serie</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>The menus&apos; shortcuts work anywhere in the window; the pages&apos; keys work on their page. Open this sheet with F1 or ? (not while typing).</source>
        <translation>Los atajos de los menús funcionan en cualquier parte de la ventana; las teclas de las páginas, en su página. Abre esta hoja con F1 o ? (no mientras escribes).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>a letter or digit</source>
        <translation>una letra o una cifra</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
</context>
<context>
    <name>SideCard</name>
    <message>
        <source>Changed {0}</source>
        <translation>Cambiado {0}</translation>
    </message>
    <message>
        <source>{0} · shown in lists now</source>
        <translation>{0} · la que se muestra ahora en las listas</translation>
    </message>
    <message>
        <source>Deleted on the other laptop. Keep this one to delete it here too.</source>
        <translation>Eliminado en el otro portátil. Conserva esta para eliminarlo aquí también.</translation>
    </message>
    <message>
        <source>deleted by {0}, {1}</source>
        <translation>eliminado por {0}, {1}</translation>
    </message>
    <message>
        <source>The version by {0}</source>
        <translation>La versión de {0}</translation>
    </message>
    <message>
        <source>the version by {0}, {1}</source>
        <translation>la versión de {0}, {1}</translation>
    </message>
    <message>
        <source>Keep {0}</source>
        <translation>Conservar {0}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>walkapp cannot read its database</source>
        <translation>walkapp no puede leer su base de datos</translation>
    </message>
    <message>
        <source>walkapp checked its database in the background and found damage.</source>
        <translation>walkapp revisó su base de datos en segundo plano y encontró daños.</translation>
    </message>
    <message>
        <source>Restoring or starting empty first closes this window (what you typed is saved), then opens it again. If you quit, walkapp asks again when it next starts.</source>
        <translation>Restaurar o empezar en vacío cierra primero esta ventana (lo que escribiste está guardado) y luego la vuelve a abrir. Si sales, walkapp te lo preguntará de nuevo la próxima vez que se abra.</translation>
    </message>
    <message>
        <source>walkapp is already open</source>
        <translation>walkapp ya está abierto</translation>
    </message>
    <message>
        <source>walkapp cannot use its data folder</source>
        <translation>walkapp no puede usar su carpeta de datos</translation>
    </message>
    <message>
        <source>walkapp&apos;s data folder may not be safe</source>
        <translation>Puede que la carpeta de datos de walkapp no sea segura</translation>
    </message>
    <message>
        <source>walkapp&apos;s database is missing.</source>
        <translation>Falta la base de datos de walkapp.</translation>
    </message>
    <message>
        <source>walkapp cannot open its database as it is.</source>
        <translation>walkapp no puede abrir su base de datos tal como está.</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>Restaurar la copia de seguridad buena más reciente</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Empezar con una base de datos vacía</translation>
    </message>
    <message>
        <source>Quit and leave everything as it is</source>
        <translation>Salir y dejarlo todo como está</translation>
    </message>
    <message>
        <source>walkapp&apos;s database is missing</source>
        <translation>Falta la base de datos de walkapp</translation>
    </message>
    <message>
        <source>walkapp&apos;s database cannot be read</source>
        <translation>No se puede leer la base de datos de walkapp</translation>
    </message>
    <message>
        <source>walkapp&apos;s database is damaged</source>
        <translation>La base de datos de walkapp está dañada</translation>
    </message>
    <message>
        <source>walkapp cannot open its database</source>
        <translation>walkapp no puede abrir su base de datos</translation>
    </message>
    <message>
        <source>walkapp cannot create its database</source>
        <translation>walkapp no puede crear su base de datos</translation>
    </message>
    <message>
        <source>No backup could be restored.</source>
        <translation>No se pudo restaurar ninguna copia de seguridad.</translation>
    </message>
    <message>
        <source>walkapp recovered its database</source>
        <translation>walkapp recuperó su base de datos</translation>
    </message>
    <message>
        <source>Restored the backup made {0} ({1}).</source>
        <translation>Se restauró la copia de seguridad hecha {0} ({1}).</translation>
    </message>
    <message>
        <source>Started with an empty database.</source>
        <translation>Se empezó con una base de datos vacía.</translation>
    </message>
    <message>
        <source>The damaged file is kept, untouched, as {0}.</source>
        <translation>El archivo dañado se conserva, intacto, como {0}.</translation>
    </message>
</context>
<context>
    <name>StatementList</name>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the selected item of {0}</source>
        <translation>Editar el elemento seleccionado de {0}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected item of {0}</source>
        <translation>Eliminar el elemento seleccionado de {0}</translation>
    </message>
    <message>
        <source>New item for {0}</source>
        <translation>Nuevo elemento para {0}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add to {0}</source>
        <translation>Añadir a {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancelar la edición</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>StatusDelegate</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>Stem</name>
    <message>
        <source>I noticed</source>
        <translation>Observé</translation>
    </message>
    <message>
        <source>I wonder</source>
        <translation>Me pregunto</translation>
    </message>
    <message>
        <source>I will try</source>
        <translation>Voy a probar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>I noticed…</source>
        <translation>Observé…</translation>
    </message>
    <message>
        <source>I wonder…</source>
        <translation>Me pregunto…</translation>
    </message>
    <message>
        <source>I will try…</source>
        <translation>Voy a probar…</translation>
    </message>
    <message>
        <source>A question I have…</source>
        <translation>Una pregunta que tengo…</translation>
    </message>
</context>
<context>
    <name>StemPicker</name>
    <message>
        <source>Stem: {0}</source>
        <translation>Inicio de frase: {0}</translation>
    </message>
    <message>
        <source>This note is “{0}” ({1})</source>
        <translation>Esta nota es «{0}» ({1})</translation>
    </message>
    <message>
        <source>This note is “{0}”</source>
        <translation>Esta nota es «{0}»</translation>
    </message>
</context>
<context>
    <name>StemsPanel</name>
    <message>
        <source>Start every note with one of these stems. In the note-taker, {0} to {1} pick them.</source>
        <translation>Empieza cada nota con uno de estos inicios de frase. En la toma de notas, de {0} a {1} los eligen.</translation>
    </message>
    <message>
        <source>Start every note with this stem. In the note-taker, {0} picks it.</source>
        <translation>Empieza cada nota con este inicio de frase. En la toma de notas, {0} lo elige.</translation>
    </message>
</context>
<context>
    <name>StepActions</name>
    <message>
        <source>Waiting for the database…</source>
        <translation>Esperando a la base de datos…</translation>
    </message>
    <message>
        <source>Phase: {0} of {1} planned</source>
        <translation>Fase: {0} de {1}</translation>
    </message>
</context>
<context>
    <name>StepBody</name>
    <message>
        <source>Hide the script</source>
        <translation>Ocultar el guion</translation>
    </message>
    <message>
        <source>Show the script</source>
        <translation>Mostrar el guion</translation>
    </message>
</context>
<context>
    <name>StepGuide</name>
    <message>
        <source>Time for this step</source>
        <translation>Tiempo para este paso</translation>
    </message>
    <message>
        <source>No set time for this step</source>
        <translation>Sin tiempo fijo para este paso</translation>
    </message>
    <message>
        <source>Show or hide the step&apos;s script</source>
        <translation>Mostrar u ocultar el guion del paso</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Empezar</translation>
    </message>
    <message>
        <source>Start or pause the step</source>
        <translation>Empezar o pausar el paso</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>Give this step one more minute</source>
        <translation>Dar un minuto más a este paso</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Saltar</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Saltar este paso</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Try the step&apos;s action again</source>
        <translation>Intentar de nuevo la acción del paso</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>{0}{1}
{2} min</source>
        <translation>{0}{1}
{2} min</translation>
    </message>
    <message>
        <source>{0} · step {1} of {2}</source>
        <translation>{0} · paso {1} de {2}</translation>
    </message>
    <message>
        <source>{0} finished</source>
        <translation>{0} terminada</translation>
    </message>
    <message>
        <source>Every step of this phase has been run. Choose what comes next below; Back reopens the last step.</source>
        <translation>Se han hecho todos los pasos de esta fase. Elige abajo lo que viene después; Atrás vuelve a abrir el último paso.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Phase: {0} of {1} planned</source>
        <translation>Fase: {0} de {1}</translation>
    </message>
    <message>
        <source>{0} · step {1} of {2} · preparing</source>
        <translation>{0} · paso {1} de {2} · preparando</translation>
    </message>
    <message>
        <source>{0} min planned</source>
        <translation>{0} min previstos</translation>
    </message>
    <message>
        <source>{0} · more</source>
        <translation>{0} · más</translation>
    </message>
    <message>
        <source>Not a step of the protocol: open it whenever the group needs it.</source>
        <translation>No es un paso del protocolo: ábrelo cuando el grupo lo necesite.</translation>
    </message>
    <message>
        <source>No set time</source>
        <translation>Sin tiempo fijo</translation>
    </message>
    <message>
        <source>{0} is running, {1} left.</source>
        <translation>{0} está en marcha, quedan {1}.</translation>
    </message>
    <message>
        <source>{0} is running, {1} over time.</source>
        <translation>{0} está en marcha, {1} por encima del tiempo.</translation>
    </message>
    <message>
        <source>{0} is paused, {1} left.</source>
        <translation>{0} está en pausa, quedan {1}.</translation>
    </message>
    <message>
        <source>Back to the running step</source>
        <translation>Volver al paso en curso</translation>
    </message>
    <message>
        <source>{0} is finished.</source>
        <translation>{0} ha terminado.</translation>
    </message>
    <message>
        <source>Back to the end of the phase</source>
        <translation>Volver al final de la fase</translation>
    </message>
    <message>
        <source>Nothing is running yet; the first step to run is {0}.</source>
        <translation>Todavía no hay nada en marcha; el primer paso es {0}.</translation>
    </message>
    <message>
        <source>Back to {0}</source>
        <translation>Volver a {0}</translation>
    </message>
    <message>
        <source>You are preparing this step; its timer has not started. {0}</source>
        <translation>Estás preparando este paso; su temporizador no ha empezado. {0}</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps of this phase</source>
        <translation>Pasos de esta fase</translation>
    </message>
    <message>
        <source>Click a step (or use the arrow keys and Enter) to prepare it: its script and prompts show without starting its timer.</source>
        <translation>Haz clic en un paso (o usa las flechas e Intro) para prepararlo: su guion y sus preguntas se muestran sin poner en marcha su temporizador.</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>Not a step of the protocol: open it at any time.</source>
        <translation>No es un paso del protocolo: ábrelo cuando quieras.</translation>
    </message>
</context>
<context>
    <name>StepWords</name>
    <message>
        <source>Show or hide the script of “{0}”</source>
        <translation>Mostrar u ocultar el guion de «{0}»</translation>
    </message>
    <message>
        <source>As {0}: {1}</source>
        <translation>Como {0}: {1}</translation>
    </message>
    <message>
        <source>Script of “{0}”</source>
        <translation>Guion de «{0}»</translation>
    </message>
</context>
<context>
    <name>TallyPanel</name>
    <message>
        <source>Counts</source>
        <translation>Recuentos</translation>
    </message>
    <message>
        <source> (key {0})</source>
        <translation> (tecla {0})</translation>
    </message>
    <message>
        <source>Start or stop the timer</source>
        <translation>Iniciar o parar el temporizador</translation>
    </message>
    <message>
        <source>Add one</source>
        <translation>Sumar uno</translation>
    </message>
    <message>
        <source>Take one away from {0}</source>
        <translation>Restar uno a {0}</translation>
    </message>
    <message>
        <source>Take one away (a tap made by mistake)</source>
        <translation>Restar uno (un toque por error)</translation>
    </message>
    <message>
        <source>The counts could not be read: {0}</source>
        <translation>No se pudieron leer los recuentos: {0}</translation>
    </message>
    <message>
        <source>save the count</source>
        <translation>guardar el recuento</translation>
    </message>
    <message>
        <source>save the time</source>
        <translation>guardar el tiempo</translation>
    </message>
    <message>
        <source>A count was not saved: {0}</source>
        <translation>Un recuento no se guardó: {0}</translation>
    </message>
    <message>
        <source>  {0}</source>
        <translation>  {0}</translation>
    </message>
    <message>
        <source>{0} {1} · {2}</source>
        <translation>{0} {1} · {2}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>TallySummaryBox</name>
    <message>
        <source>Counts across the walk</source>
        <translation>Recuentos de todo el recorrido</translation>
    </message>
    <message>
        <source>{0}: not kept in any visit yet.</source>
        <translation>{0}: todavía no se ha contado en ninguna visita.</translation>
    </message>
    <message>
        <source>{0}: {1} in all, kept by {2} in {3}</source>
        <translation>{0}: {1} en total, contados por {2} en {3}</translation>
    </message>
    <message>
        <source>; per visit: least {0}, median {1}, most {2}.</source>
        <translation>; por visita: mínimo {0}, mediana {1}, máximo {2}.</translation>
    </message>
</context>
<context>
    <name>TextDelegate</name>
    <message>
        <source>Action item</source>
        <translation>Acción acordada</translation>
    </message>
</context>
<context>
    <name>TrashControls</name>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Deshacer la eliminación</translation>
    </message>
    <message>
        <source>Walk “{0}” moved to the Trash.</source>
        <translation>El recorrido «{0}» se movió a la Papelera.</translation>
    </message>
    <message>
        <source>“{0}” is back among your walks.</source>
        <translation>«{0}» vuelve a estar entre tus recorridos.</translation>
    </message>
    <message>
        <source>The walk was not brought back</source>
        <translation>No se recuperó el recorrido</translation>
    </message>
</context>
<context>
    <name>TrashRemoval</name>
    <message>
        <source>Removing for good, and from the backups…</source>
        <translation>Eliminando para siempre, también de las copias de seguridad…</translation>
    </message>
    <message>
        <source>Some backups still hold the walk</source>
        <translation>Algunas copias de seguridad todavía contienen el recorrido</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>No se eliminó nada</translation>
    </message>
    <message>
        <source>An unexpected error stopped the removal.</source>
        <translation>Un error inesperado detuvo la eliminación.</translation>
    </message>
</context>
<context>
    <name>TrashTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Removed for good on</source>
        <translation>Se elimina para siempre el</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Deleted walks wait here for {0} days, then they are removed for good — from this laptop&apos;s database and from its backups. Restore brings a walk back as it was.</source>
        <translation>Los recorridos eliminados esperan aquí {0} días y después se eliminan para siempre, de la base de datos de este portátil y de sus copias de seguridad. Restaurar devuelve un recorrido tal como estaba.</translation>
    </message>
    <message>
        <source>Walks in the Trash</source>
        <translation>Recorridos en la Papelera</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La Papelera está vacía.</translation>
    </message>
    <message>
        <source>What the Trash did last</source>
        <translation>Lo último que hizo la Papelera</translation>
    </message>
    <message>
        <source>Back to the walks</source>
        <translation>Volver a los recorridos</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restore the selected walk</source>
        <translation>Restaurar el recorrido seleccionado</translation>
    </message>
    <message>
        <source>Delete now…</source>
        <translation>Eliminar ahora…</translation>
    </message>
    <message>
        <source>Remove the selected walk for good now</source>
        <translation>Eliminar para siempre ahora el recorrido seleccionado</translation>
    </message>
    <message>
        <source>Empty Trash…</source>
        <translation>Vaciar la Papelera…</translation>
    </message>
    <message>
        <source>Remove every walk in the Trash for good</source>
        <translation>Eliminar para siempre todos los recorridos de la Papelera</translation>
    </message>
    <message>
        <source>“{0}” is back among your walks.</source>
        <translation>«{0}» vuelve a estar entre tus recorridos.</translation>
    </message>
    <message>
        <source>The walk was not restored</source>
        <translation>No se restauró el recorrido</translation>
    </message>
    <message>
        <source>Delete now</source>
        <translation>Eliminar ahora</translation>
    </message>
    <message>
        <source>Remove “{0}” ({1}) for good — its notes, commitments and action items, from this laptop&apos;s database and from every backup? This cannot be undone.</source>
        <translation>¿Eliminar para siempre «{0}» ({1}), con sus notas, compromisos y acciones acordadas, de la base de datos de este portátil y de todas las copias de seguridad? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>Eliminar para siempre</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Vaciar la Papelera</translation>
    </message>
    <message>
        <source>Remove {0} in the Trash for good — their notes, commitments and action items, from this laptop&apos;s database and from every backup? This cannot be undone.</source>
        <translation>¿Eliminar para siempre {0} de la Papelera, con sus notas, compromisos y acciones acordadas, de la base de datos de este portátil y de todas las copias de seguridad? No se puede deshacer.</translation>
    </message>
    <message>
        <source>the walk</source>
        <translation>el recorrido</translation>
    </message>
    <message>
        <source>the {0} walks</source>
        <translation>los {0} recorridos</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Too few answers to show ({0} of at least {1})</source>
        <translation>Muy pocas respuestas para mostrarlas ({0} de al menos {1})</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>(N/A {0})</source>
        <translation>(N/A {0})</translation>
    </message>
    <message>
        <source>{0} chose {1}</source>
        <translation>{0} eligieron {1}</translation>
    </message>
    <message>
        <source>{0}: {1}; average {2}</source>
        <translation>{0}: {1}; media {2}</translation>
    </message>
    <message>
        <source>Walk {0} · {1}</source>
        <translation>Recorrido {0} · {1}</translation>
    </message>
    <message>
        <source>Each bar is one session&apos;s ratings, split by the points chosen. A session with fewer than {0} ratings of a statement shows none of them, so that nobody&apos;s own rating can be read off.</source>
        <translation>Cada barra son las valoraciones de una sesión, repartidas según los puntos elegidos. Una sesión con menos de {0} valoraciones de una afirmación no muestra ninguna, para que nadie pueda deducir la valoración de una persona.</translation>
    </message>
</context>
<context>
    <name>TurnsBar</name>
    <message>
        <source>Time for this turn</source>
        <translation>Tiempo para este turno</translation>
    </message>
    <message>
        <source>Next turn  {0}</source>
        <translation>Siguiente turno  {0}</translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation>Siguiente turno</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>{0} {1} of {2}</source>
        <translation>{0} {1} de {2}</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Deshacer {0}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Rehacer {0}</translation>
    </message>
    <message>
        <source>Could not undo {0}: {1}</source>
        <translation>No se pudo deshacer {0}: {1}</translation>
    </message>
    <message>
        <source>Could not redo {0}: {1}</source>
        <translation>No se pudo rehacer {0}: {1}</translation>
    </message>
    <message>
        <source>an unexpected error ({0})</source>
        <translation>un error inesperado ({0})</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>Deshecho: {0}</translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation>Rehecho: {0}</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Aspecto</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Appearance (set by WALKAPP_COLOR_SCHEME)</source>
        <translation>&amp;Aspecto (lo fija WALKAPP_COLOR_SCHEME)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Modo &amp;presentación</translation>
    </message>
    <message>
        <source>Larger text on the pre-brief and post-brief, to read on a projector (Esc to leave)</source>
        <translation>Texto más grande en la sesión previa y la sesión posterior, para leerlo en un proyector (Esc para salir)</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Questions for this visit</source>
        <translation>Preguntas para esta visita</translation>
    </message>
    <message>
        <source>the visit&apos;s questions</source>
        <translation>las preguntas de la visita</translation>
    </message>
    <message>
        <source>The answers could not be read: {0}</source>
        <translation>No se pudieron leer las respuestas: {0}</translation>
    </message>
</context>
<context>
    <name>VisitHeader</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>Visita anterior</translation>
    </message>
    <message>
        <source>Previous visit ({0})</source>
        <translation>Visita anterior ({0})</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Visita siguiente</translation>
    </message>
    <message>
        <source>Next visit ({0})</source>
        <translation>Visita siguiente ({0})</translation>
    </message>
    <message>
        <source>Time in this room</source>
        <translation>Tiempo en esta aula</translation>
    </message>
    <message>
        <source>Start or pause the visit countdown</source>
        <translation>Iniciar o pausar la cuenta atrás de la visita</translation>
    </message>
    <message>
        <source>Corridor talk</source>
        <translation>Conversación de pasillo</translation>
    </message>
    <message>
        <source>Leave the room ▶</source>
        <translation>Salir del aula ▶</translation>
    </message>
    <message>
        <source>Leave the last room: corridor talk</source>
        <translation>Salir de la última aula: conversación de pasillo</translation>
    </message>
    <message>
        <source>Visit {0} of {1}</source>
        <translation>Visita {0} de {1}</translation>
    </message>
    <message>
        <source>Pause  {0}</source>
        <translation>Pausar  {0}</translation>
    </message>
    <message>
        <source>Resume  {0}</source>
        <translation>Reanudar  {0}</translation>
    </message>
    <message>
        <source>Start visit  {0}</source>
        <translation>Empezar la visita  {0}</translation>
    </message>
</context>
<context>
    <name>WalkDetailsPanel</name>
    <message>
        <source>Walk title</source>
        <translation>Título del recorrido</translation>
    </message>
    <message>
        <source>Walk date</source>
        <translation>Fecha del recorrido</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Centro educativo</translation>
    </message>
    <message>
        <source>The question the group is curious about, e.g. How do students explain their thinking to each other?</source>
        <translation>La pregunta que despierta la curiosidad del grupo, p. ej. ¿Cómo se explica el alumnado su razonamiento entre sí?</translation>
    </message>
    <message>
        <source>Focus or problem of practice</source>
        <translation>Foco o problema de práctica</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes in each room</source>
        <translation>Minutos en cada aula</translation>
    </message>
    <message>
        <source>Minutes of corridor talk</source>
        <translation>Minutos de conversación de pasillo</translation>
    </message>
    <message>
        <source>Record teacher names for visits</source>
        <translation>Registrar los nombres de los docentes de las visitas</translation>
    </message>
    <message>
        <source>Off by default. When on, a teacher name can be added to each visit; it appears in reports only while this stays on.</source>
        <translation>Desactivado por defecto. Si se activa, se puede añadir el nombre de un docente a cada visita; aparece en los informes solo mientras siga activado.</translation>
    </message>
    <message>
        <source>Name walkers beside their commitments in the debrief</source>
        <translation>Nombrar a los participantes junto a sus compromisos en la puesta en común</translation>
    </message>
    <message>
        <source>Off by default. When on, the debrief shows who made each commitment; when off, commitments are listed without names, in no particular order.</source>
        <translation>Desactivado por defecto. Si se activa, la puesta en común muestra quién hizo cada compromiso; si no, los compromisos se listan sin nombres y sin un orden concreto.</translation>
    </message>
    <message>
        <source>Sign thank-you notes with the walkers&apos; names</source>
        <translation>Firmar las notas de agradecimiento con los nombres de los participantes</translation>
    </message>
    <message>
        <source>Off by default: thank-you notes are signed by the group as a whole, with no names. When on, each note is signed with the names of the walkers on this walk&apos;s roster.</source>
        <translation>Desactivado por defecto: las notas de agradecimiento las firma el grupo en conjunto, sin nombres. Si se activa, cada nota se firma con los nombres de los participantes de la lista de este recorrido.</translation>
    </message>
    <message>
        <source>Include room, grade and subject in records (debrief, thank-you notes)</source>
        <translation>Incluir el aula, el curso y la asignatura en los registros (puesta en común, notas de agradecimiento)</translation>
    </message>
    <message>
        <source>Off by default. The agenda, note-catcher and walk kits always show the route&apos;s rooms; records kept after the walk leave them out unless this is on.</source>
        <translation>Desactivado por defecto. La agenda, la hoja de notas y los paquetes del recorrido siempre muestran las aulas de la ruta; los registros que se guardan después del recorrido las omiten salvo que esto esté activado.</translation>
    </message>
    <message>
        <source>Whose laptop this is</source>
        <translation>De quién es este portátil</translation>
    </message>
    <message>
        <source>the walk&apos;s details</source>
        <translation>los detalles del recorrido</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Foco</translation>
    </message>
    <message>
        <source>In each room</source>
        <translation>En cada aula</translation>
    </message>
    <message>
        <source>Corridor talk</source>
        <translation>Conversación de pasillo</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Tiempos</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Este portátil</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Lo usa</translation>
    </message>
    <message>
        <source>Agree on one focus for the whole walk. Everyone will look for evidence of it in every room.</source>
        <translation>Un solo foco para todo el recorrido, acordado entre todos: cada participante buscará evidencias de él en cada aula.</translation>
    </message>
    <message>
        <source>The facilitator (all walkers&apos; notes)</source>
        <translation>El facilitador (las notas de todos los participantes)</translation>
    </message>
    <message>
        <source>Walker: {0} (own notes only)</source>
        <translation>Participante: {0} (solo sus notas)</translation>
    </message>
</context>
<context>
    <name>WalkFiles</name>
    <message>
        <source>No walkers yet</source>
        <translation>Aún no hay participantes</translation>
    </message>
    <message>
        <source>Add walkers to the roster first (Plan → Roster and groups).</source>
        <translation>Primero añade participantes a la lista (Plan → Lista y grupos).</translation>
    </message>
    <message>
        <source>Which walker?</source>
        <translation>¿Qué participante?</translation>
    </message>
    <message>
        <source>Who is this file for?</source>
        <translation>¿Para quién es este archivo?</translation>
    </message>
    <message>
        <source>Any walker (they pick their name)</source>
        <translation>Cualquier participante (cada uno elige su nombre)</translation>
    </message>
</context>
<context>
    <name>WalkMenu</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Plan again…</source>
        <translation>Planificar de nuevo…</translation>
    </message>
    <message>
        <source>Copy as a new walk (not in a series)</source>
        <translation>Copiar como recorrido nuevo (fuera de una serie)</translation>
    </message>
    <message>
        <source>Show the walks of “{0}”</source>
        <translation>Mostrar los recorridos de «{0}»</translation>
    </message>
    <message>
        <source>Series trends…</source>
        <translation>Tendencias de la serie…</translation>
    </message>
    <message>
        <source>Show every walk</source>
        <translation>Mostrar todos los recorridos</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
</context>
<context>
    <name>WalkWorkspace</name>
    <message>
        <source>← All walks</source>
        <translation>← Todos los recorridos</translation>
    </message>
    <message>
        <source>Back to all walks</source>
        <translation>Volver a todos los recorridos</translation>
    </message>
    <message>
        <source>Parts of the walk</source>
        <translation>Partes del recorrido</translation>
    </message>
    <message>
        <source>Some notes (or reflections, commitments, feedback) were changed on two laptops. Open the post-brief&apos;s Conflicts panel to choose what to keep.</source>
        <translation>Algunas notas (o reflexiones, compromisos, valoraciones) se cambiaron en dos portátiles. Abre el panel Conflictos de la sesión posterior para elegir qué conservar.</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>{0} to resolve</source>
        <translation>{0} por resolver</translation>
    </message>
    <message>
        <source>{0}: open the Conflicts panel</source>
        <translation>{0}: abre el panel Conflictos</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Some of what is typed in this walk is not saved: a save failed (the page says why), or text is still waiting to be added. Close the walk anyway and lose it? Choose Cancel to stay and keep it.</source>
        <translation>Parte de lo escrito en este recorrido no está guardado: un guardado falló (la página explica por qué) o hay texto que aún espera a añadirse. ¿Cerrar el recorrido de todos modos y perderlo? Elige Cancelar para quedarte y conservarlo.</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Cerrar de todos modos</translation>
    </message>
</context>
<context>
    <name>WalkerHome</name>
    <message>
        <source>{0} — your walk: {1}</source>
        <translation>{0}: tu recorrido: {1}</translation>
    </message>
    <message>
        <source>Only your own notes and reflections are on this laptop. They stay here until you hand them back to the facilitator.</source>
        <translation>En este portátil solo están tus propias notas y reflexiones. Se quedan aquí hasta que se las entregues al facilitador.</translation>
    </message>
    <message>
        <source>About this walk</source>
        <translation>Sobre este recorrido</translation>
    </message>
    <message>
        <source>Walker sections</source>
        <translation>Secciones del participante</translation>
    </message>
    <message>
        <source>Sections: the walk, my notes, my reflections</source>
        <translation>Secciones: el recorrido, mis notas, mis reflexiones</translation>
    </message>
    <message>
        <source>&amp;The walk</source>
        <translation>&amp;El recorrido</translation>
    </message>
    <message>
        <source>My &amp;notes</source>
        <translation>Mis &amp;notas</translation>
    </message>
    <message>
        <source>My &amp;reflections</source>
        <translation>Mis &amp;reflexiones</translation>
    </message>
    <message>
        <source>Hide what to do now</source>
        <translation>Ocultar qué hacer ahora</translation>
    </message>
    <message>
        <source>What to do now: take notes in each visit (My notes). When the walk is over, choose File ▸ Save a notes file and hand that file back to the facilitator.</source>
        <translation>Qué hacer ahora: toma notas en cada visita (Mis notas). Cuando termine el recorrido, elige Archivo ▸ Guardar un archivo de notas y entrégale ese archivo al facilitador.</translation>
    </message>
</context>
<context>
    <name>WalkerWords</name>
    <message>
        <source>(offered as the commitment)</source>
        <translation>(propuesta como compromiso)</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>Their reflections:</source>
        <translation>Sus reflexiones:</translation>
    </message>
    <message>
        <source>Reflections of {0}</source>
        <translation>Reflexiones de {0}</translation>
    </message>
</context>
<context>
    <name>WalksLibrary</name>
    <message>
        <source>Walks</source>
        <translation>Recorridos</translation>
    </message>
    <message>
        <source>Search notes, commitments, walks…</source>
        <translation>Buscar notas, compromisos, recorridos…</translation>
    </message>
    <message>
        <source>Search titles, focus and schools</source>
        <translation>Buscar en títulos, focos y centros</translation>
    </message>
    <message>
        <source>Search walks</source>
        <translation>Buscar recorridos</translation>
    </message>
    <message>
        <source>Show walks by status</source>
        <translation>Mostrar los recorridos por estado</translation>
    </message>
    <message>
        <source>All walks</source>
        <translation>Todos los recorridos</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificados</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <source>Loading the walks…</source>
        <translation>Cargando los recorridos…</translation>
    </message>
    <message>
        <source>New walk…</source>
        <translation>Nuevo recorrido…</translation>
    </message>
    <message>
        <source>New walk</source>
        <translation>Nuevo recorrido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open selected walk</source>
        <translation>Abrir el recorrido seleccionado</translation>
    </message>
    <message>
        <source>Plan again…</source>
        <translation>Planificar de nuevo…</translation>
    </message>
    <message>
        <source>Plan the next walk of the selected walk&apos;s series</source>
        <translation>Planificar el siguiente recorrido de la serie del recorrido seleccionado</translation>
    </message>
    <message>
        <source>The next walk of this series: the same protocol, roster, look-fors and norms, a new date — none of the notes. Open commitments and action items come back for review.</source>
        <translation>El siguiente recorrido de esta serie: el mismo protocolo, lista, focos de observación y normas, con una fecha nueva, sin ninguna de las notas. Los compromisos y las acciones acordadas abiertos vuelven para revisarse.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete selected walk</source>
        <translation>Eliminar el recorrido seleccionado</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Show the Trash of deleted walks</source>
        <translation>Mostrar la Papelera de recorridos eliminados</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Show which rooms, grades and subjects the walks have visited</source>
        <translation>Ver qué aulas, cursos y asignaturas han visitado los recorridos</translation>
    </message>
    <message>
        <source>Which rooms your walks visit, and which they have not visited lately: on this screen only, never in a report or an export.</source>
        <translation>Qué aulas visitan tus recorridos y cuáles no han visitado últimamente: solo en esta pantalla, nunca en un informe ni en una exportación.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo the delete: bring the walk back</source>
        <translation>Deshacer la eliminación: recuperar el recorrido</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Ocultar este mensaje</translation>
    </message>
    <message>
        <source>The walks could not be read: {0}</source>
        <translation>No se pudieron leer los recorridos: {0}</translation>
    </message>
    <message>
        <source>No walk matches your search.</source>
        <translation>Ningún recorrido coincide con tu búsqueda.</translation>
    </message>
    <message>
        <source>Trash ({0})</source>
        <translation>Papelera ({0})</translation>
    </message>
    <message>
        <source>Walk “{0}” moved to the Trash.</source>
        <translation>El recorrido «{0}» se movió a la Papelera.</translation>
    </message>
</context>
<context>
    <name>WalksTableModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Walkers</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Walk {0} of {1} in the series “{2}”</source>
        <translation>Recorrido {0} de {1} de la serie «{2}»</translation>
    </message>
    <message>
        <source>{0} to resolve: open the walk, then the post-brief&apos;s Conflicts tab.</source>
        <translation>{0} por resolver: abre el recorrido y luego la pestaña Conflictos de la sesión posterior.</translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation>{0} de {1} · {2}</translation>
    </message>
</context>
<context>
    <name>WallDecisions</name>
    <message>
        <source>{0} flagged and {1} set aside: {2} not going to the record.</source>
        <translation>{0} señaladas y {1} apartadas: {2} no van al registro.</translation>
    </message>
    <message>
        <source>Open a flagged note (Enter) to rewrite it, keep it in the record, or set it aside.</source>
        <translation>Abre una nota señalada (Intro) para reescribirla, conservarla en el registro o apartarla.</translation>
    </message>
</context>
<context>
    <name>WallQuestions</name>
    <message>
        <source>{0} to {1}. Choices and ticks are counted for the walk as a whole.</source>
        <translation>{0} a {1}. Las opciones y las marcas se cuentan para el recorrido en conjunto.</translation>
    </message>
    <message>
        <source>No answers yet
What walkers answer to the visit&apos;s questions appears here, question by question.</source>
        <translation>Aún no hay respuestas
Aquí aparece, pregunta por pregunta, lo que responden los participantes a las preguntas de la visita.</translation>
    </message>
</context>
<context>
    <name>WriteNotice</name>
    <message>
        <source>Save status: {0}</source>
        <translation>Estado del guardado: {0}</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry saving</source>
        <translation>Reintentar el guardado</translation>
    </message>
    <message>
        <source>Try the change that was not saved again</source>
        <translation>Intentar de nuevo el cambio que no se guardó</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>Esperando a la base de datos…</translation>
    </message>
</context>
<context>
    <name>YearScreens</name>
    <message>
        <source>Coverage — Learning walks</source>
        <translation>Cobertura — Recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>Communication log — Learning walks</source>
        <translation>Registro de comunicación — Recorridos de aprendizaje</translation>
    </message>
</context>
<context>
    <name>YourRole</name>
    <message>
        <source>Your role: {0}</source>
        <translation>Tu rol: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>(All of it is under The walk.)</source>
        <translation>(Todo está en El recorrido.)</translation>
    </message>
</context>
<context>
    <name>_Background</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>walkapp</source>
        <translation>walkapp</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Stopped before it finished: nothing was changed.</source>
        <translation>Se detuvo antes de terminar: no se cambió nada.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Eso no funcionó</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>walkapp hit an unexpected problem and changed nothing. Please report it with these details:

{0}</source>
        <translation>walkapp tuvo un problema inesperado y no cambió nada. Infórmalo con estos detalles:

{0}</translation>
    </message>
</context>
</TS>
