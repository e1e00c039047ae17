import { mount } from 'svelte';
import App from './App.svelte';
import { connectApi } from './api/connect-api';

mount(App, { target: document.getElementById('app')!, props: connectApi() });
