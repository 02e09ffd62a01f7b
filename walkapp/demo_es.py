"""The sample walk in Spanish (`walkapp demo --lang es`): the same walk as walkapp.demo,
written by a Spanish-speaking group, so that every report can be seen in Spanish.

Everything here is invented, like the English sample. The notes follow the same stance:
descriptive, low-inference, in the walkers' own stems. walkapp.demo reads these lists in
place of its own when the sample walk's language is "es".
"""

from __future__ import annotations

from walkapp import domain as d

TITLE = "Recorrido de aprendizaje — la conversación del alumnado"
SCHOOL = "Colegio Ribera (ejemplo)"
FOCUS = ("¿De qué manera explican los alumnos su razonamiento a sus compañeros, y qué hace "
         "el docente que lo propicia?")
LOOK_FORS = [
    ("El alumnado explica su razonamiento en voz alta",
     "Un alumno dice por qué, no solo qué: «porque…», «creo que… ya que…»."),
    ("Preguntas abiertas", "Preguntas con más de una respuesta o camino posible."),
    ("Conversación entre alumnos", "Los alumnos se responden entre sí, no solo al adulto."),
    ("Tiempo de espera", "Una pausa de tres segundos o más después de una pregunta."),
]
NORMS = [
    "Venimos a aprender sobre nuestra propia práctica, no a juzgar la de nadie.",
    "Lo que vemos en un aula se queda en este grupo.",
    "Todas las visitas duran lo mismo; entramos y salimos en silencio.",
    "No hablamos dentro de las aulas; lo dejamos para el pasillo.",
    "Escribimos lo que vemos y oímos antes de lo que pensamos sobre ello.",
]
GROUP = "Grupo A"
VISITS = [
    ("Aula 12", "4.º de primaria", "Matemáticas"),
    ("Aula 7", "6.º de primaria", "Ciencias"),
    ("Biblioteca", "5.º de primaria", "Lengua"),
    ("Aula 21", "3.º de primaria", "Matemáticas"),
    ("Taller de arte", "6.º de primaria", "Plástica"),
]
# (visit index, walker index, stem, look-for indexes, text), as in walkapp.demo.
NOTES: list[tuple[int, int, d.Stem, tuple[int, ...], str]] = [
    (0, 0, d.Stem.NOTICED, (0,), "Dos alumnas de la mesa de la ventana compararon sus "
     "respuestas a 48 ÷ 6 y una dijo: «Lo partí en 24 y 24 porque las mitades son más "
     "fáciles»."),
    (0, 0, d.Stem.NOTICED, (3,), "Después de «¿Cómo podríamos comprobarlo?», unos cinco "
     "segundos de silencio antes de que se levantara la primera mano."),
    (0, 0, d.Stem.WONDER, (1,), "Me pregunto cómo se planificó la pregunta de comprobación."),
    (0, 1, d.Stem.NOTICED, (2,), "Una alumna se giró hacia su compañero: «¿Estás de "
     "acuerdo? ¿Por qué te salió 9?»"),
    (0, 1, d.Stem.NOTICED, (1,), "Pregunta en la pizarra: «Encuentra dos maneras distintas "
     "de repartir 48 fichas en 6 bolsas»."),
    (0, 1, d.Stem.WILL_TRY, (1,), "Voy a probar a escribir en la pizarra una pregunta de "
     "«dos maneras distintas» antes de empezar mi clase de matemáticas."),
    (0, 2, d.Stem.NOTICED, (0, 2), "Tira de frases en cada mesa: «Creo que ___ porque ___». "
     "La oí usar tres veces en cuatro minutos."),
    (0, 2, d.Stem.QUESTION, (), "¿Las tiras de frases se presentaron este trimestre o "
     "antes?"),
    (0, 3, d.Stem.NOTICED, (3,), "La maestra contó en silencio con los dedos después de "
     "preguntar; había 8 manos levantadas cuando llegó a cinco."),
    (0, 3, d.Stem.WONDER, (3,), "Me pregunto qué hacían durante la pausa los alumnos que no "
     "levantaron la mano."),
    (1, 0, d.Stem.NOTICED, (2,), "Grupos de cuatro con funciones en tarjetas colgadas: "
     "secretario, portavoz, material y tiempo."),
    (1, 0, d.Stem.NOTICED, (0,), "Portavoz del grupo 2: «Creemos que el hielo se derritió "
     "antes en la bandeja de metal porque el metal se nota más frío, así que te quita el "
     "calor de la mano»."),
    (1, 1, d.Stem.NOTICED, (1,), "El maestro preguntó «¿Qué cambiaría si la bandeja fuera de "
     "madera?» y anotó tres predicciones en la pizarra sin comentarlas."),
    (1, 1, d.Stem.WONDER, (), "Me pregunto cómo se formaron los grupos y cada cuánto "
     "cambian."),
    (1, 2, d.Stem.NOTICED, (2, 3), "Dos grupos discutieron el resultado durante más de un "
     "minuto antes de que se acercara la maestra; ella preguntó «¿Qué medisteis?»"),
    (1, 2, d.Stem.WILL_TRY, (2,), "Voy a probar a dar la función de portavoz a un alumno "
     "distinto en cada clase esta semana."),
    (1, 3, d.Stem.NOTICED, (0,), "Columna de la ficha titulada «Nuestras pruebas»: la "
     "mayoría de los grupos había escrito tiempos en minutos."),
    (1, 3, d.Stem.QUESTION, (1,), "¿Cómo deciden los alumnos qué predicción comprobar "
     "primero?"),
    (1, 3, d.Stem.NOTICED, (), "Temporizador proyectado en la pared; quedaban 6 minutos "
     "cuando entramos."),
    (2, 0, d.Stem.NOTICED, (2,), "Parejas leyendo un cuento corto; cada pareja tenía "
     "un ejemplar y se lo pasaban después de cada párrafo."),
    (2, 0, d.Stem.WONDER, (0,), "Me pregunto si se pidió a las parejas que acordaran un "
     "resumen antes de escribir."),
    (2, 1, d.Stem.NOTICED, (1,), "Pregunta en la pantalla: «¿El zorro era listo o cruel? "
     "Busca una línea que te lo diga»."),
    (2, 1, d.Stem.NOTICED, (0,), "Alumno: «Cruel, porque en la página 3 se ríe cuando la "
     "gallina se cae»."),
    (2, 2, d.Stem.NOTICED, (3,), "La maestra dijo «Tomaos un momento» y se sentó; pasaron "
     "unos diez segundos antes de que alguien hablara."),
    (2, 2, d.Stem.WILL_TRY, (3,), "Voy a probar a sentarme después de hacer una pregunta, "
     "para que la pausa se vea."),
    (2, 3, d.Stem.NOTICED, (2,), "Un alumno amplió la respuesta de otro: «Sí, y además le "
     "miente al cuervo»."),
    (2, 3, d.Stem.NOTICED, (), "En el rincón de la biblioteca hay un estante de «Libros "
     "sobre los que discutimos» con fichas escritas por el alumnado."),
    (3, 0, d.Stem.NOTICED, (1,), "Charla numérica: «¿Cuántos puntos hay? ¿Cómo los veis?» "
     "Se mostró el patrón de puntos durante tres segundos."),
    (3, 0, d.Stem.NOTICED, (0,), "Cuatro maneras distintas de ver 12 puntos anotadas en la "
     "pizarra, con el nombre de cada alumno al lado."),
    (3, 1, d.Stem.NOTICED, (3,), "Los alumnos se ponían el pulgar en el pecho cuando "
     "estaban listos; la maestra esperó hasta que casi todos los pulgares estuvieron "
     "arriba."),
    (3, 1, d.Stem.WONDER, (3,), "Me pregunto cómo se enseñó la señal del pulgar a un grupo "
     "de 3.º."),
    (3, 2, d.Stem.NOTICED, (2,), "Un alumno dijo: «Lo hice como Sam, pero empecé por "
     "abajo»."),
    (3, 2, d.Stem.QUESTION, (), "¿Todas las charlas numéricas usan puntos, o también otras "
     "imágenes?"),
    (3, 3, d.Stem.NOTICED, (0, 1), "La maestra preguntó «¿Quién lo vio de otra manera?» tres "
     "veces; cada vez se compartió un método nuevo."),
    (3, 3, d.Stem.WILL_TRY, (0,), "Voy a probar a anotar en la pizarra los métodos del "
     "alumnado con sus nombres, como registro de su razonamiento."),
    (4, 0, d.Stem.NOTICED, (2,), "Paseo por la galería: los alumnos dejaban notas adhesivas "
     "en los borradores de los demás; la mayoría empezaba con «Me gusta cómo…» o «¿Has "
     "probado…?»."),
    (4, 1, d.Stem.NOTICED, (0,), "Una alumna explicó por qué usó azul oscuro: «En mi cuento "
     "el cielo está triste, así que el color también tiene que ser triste»."),
    (4, 1, d.Stem.WONDER, (2,), "Me pregunto cómo se eligieron con la clase los inicios de "
     "frase de las notas adhesivas."),
    (4, 2, d.Stem.NOTICED, (), "Música suave de fondo; unos doce alumnos trabajaban de pie "
     "ante los caballetes."),
    (4, 2, d.Stem.NOTICED, (1,), "El maestro preguntó a un alumno «¿Qué quieres que sienta "
     "quien lo mire?» y esperó."),
    (4, 3, d.Stem.NOTICED, (2, 0), "Dos alumnos hablaron de si una sombra debía caer a la "
     "izquierda o a la derecha, señalando la ventana."),
    (4, 3, d.Stem.WILL_TRY, (2,), "Voy a probar un paseo por la galería corto, con inicios "
     "de frase para comentar, en mi próxima clase de escritura."),
    (4, 0, d.Stem.QUESTION, (), "¿Qué duración suele tener un paseo por la galería con este "
     "grupo?"),
    (4, 1, d.Stem.NOTICED, (3,), "A la pregunta del maestro a toda la clase le siguió una "
     "pausa de unos seis segundos."),
]
COMMITMENTS = [
    "Voy a probar una pregunta de «dos maneras distintas» al empezar matemáticas dos veces "
    "esta semana.",
    "Voy a probar a rotar la función de portavoz y a llevar la cuenta de quién la ha tenido.",
    "Voy a probar a sentarme después de hacer una pregunta para proteger la pausa.",
    "Voy a probar a anotar en la pizarra los métodos del alumnado con sus nombres.",
]
REFLECTION_QUESTION = "¿Qué aprendiste hoy sobre tu propia práctica?"
REFLECTIONS = [
    "Ver otras aulas me hizo darme cuenta de cuánto puede cambiar una pregunta con dos "
    "caminos quién habla en mis clases.",
    "Ver otras aulas me hizo darme cuenta de cuánto puede cambiar rotar las funciones quién "
    "habla en mis clases.",
    "Ver otras aulas me hizo darme cuenta de cuánto puede cambiar una pausa protegida quién "
    "habla en mis clases.",
    "Ver otras aulas me hizo darme cuenta de cuánto puede cambiar anotar los métodos del "
    "alumnado quién habla en mis clases.",
]
PATTERNS = [
    (d.PatternKind.DESCRIBE, "En cuatro de las cinco aulas, el alumnado dio una razón "
     "con «porque» o con una tira de frases."),
    (d.PatternKind.DESCRIBE, "En cuatro aulas, a las preguntas abiertas les siguieron pausas "
     "de cinco segundos o más."),
    (d.PatternKind.ANALYSE, "Donde había estructuras de conversación visibles (tiras, "
     "funciones, inicios de frase), la conversación entre alumnos se oyó más a menudo."),
    (d.PatternKind.PREDICT, "Si se extienden las preguntas abiertas y los silencios tras "
     "cada pregunta, esperamos que más alumnos expliquen su razonamiento por iniciativa "
     "propia."),
    (d.PatternKind.NEXT_LEVEL, "Planificar las preguntas con tanto cuidado como las tareas, "
     "y compartir las estructuras de conversación entre cursos."),
]
NEXT_STEPS = [
    "Compartir las tiras de frases y las tarjetas de funciones en el próximo claustro.",
    "Próximo recorrido dentro de tres semanas, con el mismo foco.",
]
# (text, owner: None for the facilitator or a walker index, days after the walk)
ACTION_ITEMS: list[tuple[str, int | None, int]] = [
    ("Recoger las plantillas de tiras de frases del equipo de 4.º", None, 7),
    ("Reservar la biblioteca para una sesión del profesorado sobre el tiempo de espera", 1,
     14),
    ("Preguntar a los docentes anfitriones si la clase compartiría un vídeo de una charla "
     "numérica", 2, 21),
]
FEEDBACK_QUESTION = "¿Qué utilidad tuvo este recorrido para tu práctica?"
FEEDBACK = [
    (5, "Ver cuatro aulas en una hora mereció la pena."),
    (4, "Nos vendría bien más tiempo en el pasillo."),
    (5, "Los inicios de frase nos ayudaron a quedarnos en la descripción."),
    (4, "Me gustaría visitar cursos mayores la próxima vez."),
]
