/**
 * The French of the form editor where Sveltia CMS has none (issue 20: "Show Errors" under a form
 * that refuses to save). The CMS loads its French strings from its own `locales/fr.json`, falling
 * back to American English for every key that file lacks; the local server (serveur.ts) serves
 * that file with the texts below added, so that no English text is left. Keys are the CMS's own,
 * dotted through its nested objects; messages keep its MessageFormat 2 syntax (`{$name}`,
 * `.match $count`). tests/unit/editor-french.test.ts fails when an update of the CMS adds an
 * English key that is neither in its French file nor here.
 *
 * A few of its French words are replaced too: "slug" is the file name here (config.ts), and the
 * "singletons" of the CMS are files that exist only once.
 */
export const FRENCH_TEXTS: Readonly<Record<string, string>> = {
  // Words of the CMS that a référent would not understand.
  slug: 'Nom du fichier',
  'sort_keys.slug': 'Nom du fichier',
  singleton: 'Fichier unique',
  singletons: 'Fichiers uniques',

  // The form.
  show_errors: 'Afficher les erreurs',
  select_item: 'Sélectionner {$name}',
  list_item_options: 'Options de l’élément de la liste',
  'entry_sidebar.slug.title': 'Nom du fichier',
  'entry_sidebar.slug.generated_on_save':
    'Le nom du fichier est tiré du contenu au moment de l’enregistrement. Une date ou une heure qu’il contient sera celle de l’enregistrement.',
  'entry_sidebar.slug.unavailable': 'Cet élément n’a pas de nom de fichier.',
  'relation_field.save_together_hint': 'Le nouvel élément ({$name}) sera enregistré avec celui que vous modifiez.',
  'relation_field.add_failed': 'L’élément ({$name}) n’a pas pu être ajouté. Rechargez la page et recommencez.',
  'save_conflict.title': 'Élément modifié entre-temps',
  'save_conflict.modified_by': '{$name} a modifié cet élément le {$date}, après que vous l’avez ouvert.',
  'save_conflict.modified': 'Cet élément a été modifié dans le dossier après que vous l’avez ouvert.',
  'save_conflict.deleted': 'Cet élément a été supprimé du dossier après que vous l’avez ouvert.',
  'save_conflict.overwrite_warning': 'Si vous enregistrez maintenant, ces modifications seront perdues.',
  'save_conflict.recreate_warning': 'Si vous enregistrez maintenant, l’élément sera recréé.',
  'save_conflict.save_anyway': 'Enregistrer quand même',
  'save_conflict.branch_moved': 'Le dossier a été modifié pendant l’enregistrement. Recommencez.',
  'remote_change.reload_entry': 'Recharger l’élément',
  'remote_change.confirm_reloading_entry': 'Recharger l’élément ? Vos modifications non enregistrées seront perdues.',
  deleting_referenced_entries_note:
    '.input {$count :integer} .match $count one {{Le lien vers lui dans un autre élément sera aussi supprimé.}} * {{Les liens vers lui dans {$count} autres éléments seront aussi supprimés.}}',
  cannot_delete_referenced_entries:
    '.input {$count :integer} .match $count one {{Cet élément ne peut pas être supprimé : les champs suivants d’autres éléments ne seraient plus valides sans lui. Modifiez d’abord ces éléments.}} * {{Ces éléments ne peuvent pas être supprimés : les champs suivants d’autres éléments ne seraient plus valides sans eux. Modifiez d’abord ces éléments.}}',
  'status.deploying': 'Déploiement',
  'workflow.deploying_deletion': 'Suppression',

  // Sign-in (only the local folder is offered; serveur.ts hides the other ways).
  sign_in_using_access_token_workflow_note:
    'Le flux de publication éditoriale étant activé, le jeton doit aussi donner accès en lecture et en écriture aux demandes de fusion.',
  sign_in_with_link: 'Se connecter avec un lien',
  sign_in_with_link_confirmation:
    'Ce lien vous connecte en tant que {$account} sur {$service} et reprend les réglages de l’appareil où il a été créé. Continuez seulement si vous avez créé ce lien vous-même.',
  domain: 'Domaine',

  // Files and folders (the editor offers no upload, but the CMS may show these words).
  folders: 'Dossiers',
  more_folders: 'Autres dossiers',
  file_unavailable: 'Indisponible',
  file_unavailable_description: 'Ce fichier n’a pas pu être chargé. Il a peut-être été déplacé ou supprimé.',
  back_to_parent_folder: 'Retour au dossier parent',
  new_folder: 'Nouveau dossier',
  new_folder_name: 'Nom du dossier',
  new_folder_create: 'Créer',
  new_folder_description: 'Le nouveau dossier sera créé dans « {$folder} ».',
  'new_folder_error.empty': 'Le nom du dossier ne peut pas être vide.',
  'new_folder_error.invalid': 'Le nom du dossier ne peut ni contenir de barre oblique ni commencer par un point.',
  'new_folder_error.duplicate': 'Un dossier ou un fichier de ce nom existe déjà ici.',
  creating_folder: 'Création du dossier…',
  creating_folder_failed: 'Le dossier n’a pas pu être créé.',
  folder_options: 'Options du dossier',
  show_folder_options: 'Afficher les options du dossier',
  rename_folder: 'Renommer le dossier',
  delete_folder: 'Supprimer le dossier',
  enter_new_name_for_folder:
    '.input {$count :integer} .match $count 0 {{Saisissez le nouveau nom ci-dessous.}} one {{Saisissez le nouveau nom ci-dessous. Le fichier du dossier sera déplacé avec lui et les éléments qui l’utilisent seront mis à jour.}} * {{Saisissez le nouveau nom ci-dessous. Les {$count} fichiers du dossier seront déplacés avec lui et les éléments qui les utilisent seront mis à jour.}}',
  enter_new_name_for_external_folder:
    '.input {$count :integer} .match $count 0 {{Saisissez le nouveau nom ci-dessous.}} one {{Saisissez le nouveau nom ci-dessous. Le fichier du dossier sera déplacé avec lui et son adresse changera : mettez à jour les éléments qui l’utilisent.}} * {{Saisissez le nouveau nom ci-dessous. Les {$count} fichiers du dossier seront déplacés avec lui et leurs adresses changeront : mettez à jour les éléments qui les utilisent.}}',
  confirm_deleting_folder:
    '.input {$count :integer} .match $count 0 {{Supprimer le dossier vide « {$name} » ?}} one {{Supprimer le dossier « {$name} » et le fichier qu’il contient ?}} * {{Supprimer le dossier « {$name} » et les {$count} fichiers qu’il contient ?}}',
  renaming_folder: 'Renommage du dossier…',
  renaming_folder_failed: 'Le dossier n’a pas pu être renommé.',
  deleting_folder: 'Suppression du dossier…',
  deleting_folder_failed: 'Le dossier n’a pas pu être supprimé.',
  folder_created: 'Dossier créé.',
  folder_path: 'Chemin du dossier',
  folder_contents: 'Contenu',
  x_folders: '.input {$count :integer} .match $count 0 {{Aucun dossier}} one {{{$count} dossier}} * {{{$count} dossiers}}',
  folder_renamed: 'Dossier renommé.',
  folder_deleted: 'Dossier supprimé.',
  replace_file: 'Remplacer le fichier',
  replace_image: 'Remplacer l’image',
  remove_file: 'Retirer le fichier',
  remove_image: 'Retirer l’image',
  deleting_referenced_assets_note:
    '.input {$count :integer} .match $count one {{Le lien vers ce fichier dans un élément sera aussi supprimé.}} * {{Les liens vers ce fichier dans {$count} éléments seront aussi supprimés.}}',
  cannot_delete_referenced_assets:
    '.input {$count :integer} .match $count one {{Ce fichier ne peut pas être supprimé : les champs suivants des éléments qui l’utilisent ne seraient plus valides sans lui. Modifiez d’abord ces éléments.}} * {{Ces fichiers ne peuvent pas être supprimés : les champs suivants des éléments qui les utilisent ne seraient plus valides sans eux. Modifiez d’abord ces éléments.}}',
  'assets_dialog.title.folder': 'Choisir un dossier',
  'assets_dialog.selected_folder': 'Dossier choisi : {$path}',
  'assets_dialog.selected_folders':
    '.input {$count :integer} .match $count one {{{$count} dossier choisi}} * {{{$count} dossiers choisis}}',
  'assets_dialog.no_subfolders': 'Ce dossier n’a pas de sous-dossier.',
  'cloud_storage.bunny_storage.auth_key_label': 'Mot de passe de la zone de stockage',
};

/**
 * The messages of the CMS about its own configuration: the configuration is generated and checked
 * against the CMS's schema by the tests, so a référent can only meet one after a faulty update of
 * the CMS. One French message for all, which says what to do, in place of their English detail.
 */
export const CONFIGURATION_MESSAGE =
  'La configuration de l’éditeur, générée par scripts/editor/config.ts, ne convient pas à cette version de Sveltia CMS. Signalez-le à l’équipe du projet ; en attendant, modifiez les fichiers de content/ par le tableur ou un éditeur de texte.';

/** Keys of the configuration messages (`config.error.…`, `config.warning.…`). */
export const isConfigurationKey = (key: string) => /^config\.(error|warning)\./.test(key);

/** A locale file of the CMS: messages, nested by key. */
export type Strings = { [key: string]: string | Strings };

/** Every message of a locale file, by dotted key. */
export function flatStrings(strings: Strings, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatStrings(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

function setDotted(strings: Strings, key: string, value: string): void {
  const parts = key.split('.');
  let at = strings;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    at = typeof next === 'object' ? next : (at[part] = {});
  }
  at[parts.at(-1)!] = value;
}

/**
 * The CMS's French file with the texts above, and the configuration message for every
 * configuration key it lacks. `english` is its American English file, the list of every key.
 */
export function completeFrench(french: Strings, english: Strings, texts = FRENCH_TEXTS): Strings {
  const result = structuredClone(french);
  const known = flatStrings(french);
  for (const key of flatStrings(english).keys()) {
    if (!known.has(key) && isConfigurationKey(key)) setDotted(result, key, CONFIGURATION_MESSAGE);
  }
  for (const [key, value] of Object.entries(texts)) setDotted(result, key, value);
  return result;
}
