// A no-op JupyterLab plugin, here for what its build adds to the shared module
// scope: a copy of @jupyterlab/console (package.json, jupyterlab.sharedPackages).
// The RISE slideshow app (jupyterlab-rise) shares no @jupyterlab/console, and the
// ipywidgets manager (@jupyter-widgets/jupyterlab-manager) cannot start without
// it, so widgets stay blank in RISE (jupyterlab-contrib/rise issue 119).
// The copy is 4.3.4, the version of the JupyterLab packages RISE is built from.
// JupyterLab itself shares a newer @jupyterlab/console, which wins there.

// Webpack shares only modules the build references; this never runs.
export const sharedConsole = () => import('@jupyterlab/console');

const plugin = {
  id: 'crm-course-rise-widgets:plugin',
  description: 'Shares @jupyterlab/console so that ipywidgets render in RISE.',
  autoStart: true,
  activate: () => {}
};

export default plugin;
