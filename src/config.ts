/** What the publisher sets once for the whole site. */
export const site = {
  /** Name shown in the header and at the end of every page title. */
  name: 'Politique handicap — conventions et plans',
  /** One sentence under the name on the home page. */
  tagline:
    "Les conventions et plans d'actions en faveur de l'inclusion des personnes en situation de handicap, consultables et cherchables.",
};
